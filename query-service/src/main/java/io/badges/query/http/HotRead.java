package io.badges.query.http;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A public read by id the hot path answers: {@code GET prefix + id}, nothing after the id, no query.
 *
 * @param uriTemplate what the request metrics call the route (as Spring MVC would)
 * @param negotiated  a document that is a page for a browser: only answered for clients asking for JSON
 *                    (or anything), and it varies on Accept
 * @param what        what the id names, as the controller's 404 says it ("no assertion {id}")
 * @param answer      the answer for an id, or empty when there is no such id (answered 404, as the
 *                    controller would)
 * @param someIds     up to n ids there are answers for (the start-up warm-up's requests)
 */
public record HotRead(String prefix, String uriTemplate, boolean negotiated, String what,
                      Function<String, Optional<Representation>> answer, IntFunction<List<String>> someIds) {

    public static HotRead of(String uriTemplate, boolean negotiated, String what,
                             Function<String, Optional<Representation>> answer, IntFunction<List<String>> someIds) {
        int id = uriTemplate.indexOf('{');
        if (id < 0 || !uriTemplate.endsWith("}") || uriTemplate.indexOf('}') != uriTemplate.length() - 1) {
            throw new IllegalArgumentException("a hot read ends with its one {id}: " + uriTemplate);
        }
        return new HotRead(uriTemplate.substring(0, id), uriTemplate, negotiated, what, answer, someIds);
    }
}
