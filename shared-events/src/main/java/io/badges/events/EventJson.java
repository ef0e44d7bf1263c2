package io.badges.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassImageChanged;
import io.badges.events.badgeclass.BadgeClassUpdated;
import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.events.issuer.IssuerProfileUpdated;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.events.issuer.StatusListPublished;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON form of the events: ISO-8601 instants, absent optional fields omitted, unknown fields
 * ignored (so a consumer on an older version keeps working when fields are added).
 * Event type names are the simple record names; they are part of the contract.
 */
public final class EventJson {

    public static final List<Class<? extends BadgeEvent>> TYPES = List.of(
            IssuerRegistered.class, IssuerProfileUpdated.class, IssuerKeyAdded.class, StatusListPublished.class,
            BadgeClassDefined.class, BadgeClassUpdated.class, BadgeClassImageChanged.class,
            AssertionIssued.class, AssertionRevoked.class);

    private static final Map<String, Class<? extends BadgeEvent>> BY_NAME =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private EventJson() {
    }

    /**
     * Applies the contract's settings to a mapper. The services' Axon serializers do not call this:
     * Axon's Spring Boot autoconfiguration builds them on Spring Boot's ObjectMapper, whose settings
     * (Boot's defaults and {@code spring.jackson.default-property-inclusion: non_null}) are the same;
     * the query service's ProjectionContract checks that they write this JSON byte for byte.
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String typeName(BadgeEvent event) {
        return event.getClass().getSimpleName();
    }

    public static Class<? extends BadgeEvent> typeFor(String name) {
        Class<? extends BadgeEvent> type = BY_NAME.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown event type " + name);
        }
        return type;
    }

    /** The JSON Schema (draft 2020-12) of an event type, shipped in this jar for downstream consumers. */
    public static java.io.InputStream schema(String typeName) {
        typeFor(typeName);
        return EventJson.class.getResourceAsStream("schemas/" + typeName + ".schema.json");
    }

    public static byte[] write(BadgeEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BadgeEvent read(String typeName, byte[] json) {
        try {
            return MAPPER.readValue(json, typeFor(typeName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
