package io.badges.command.assertion;

import io.badges.command.access.ApiKeyFilter;
import io.badges.command.domain.RuleViolationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/assertions")
class AssertionController {

    private final AssertionIssuing issuing;
    private final CommandGateway commands;
    private final Clock clock;

    AssertionController(AssertionIssuing issuing, CommandGateway commands, Clock clock) {
        this.issuing = issuing;
        this.commands = commands;
        this.clock = clock;
    }

    record RevokeRequest(@Size(max = 1000) String reason) {
    }

    @PostMapping
    ResponseEntity<String> issue(@Valid @RequestBody AssertionRequest request,
                                 @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                 HttpServletRequest http) {
        AssertionIssuing.Result result = once(idempotencyKey, http, (client, key) -> issuing.issue(request, client, key));
        return ResponseEntity.created(URI.create("/api/v1/assertions/" + result.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
                .body(result.body());
    }

    /** Up to 10,000 recipients in one all-or-nothing request; 201 {"ids": [...]} in recipient order. */
    @PostMapping("/batch")
    ResponseEntity<String> issueBatch(@Valid @RequestBody AssertionBatchRequest request,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                      HttpServletRequest http) {
        AssertionIssuing.Result result = once(idempotencyKey, http,
                (client, key) -> issuing.issueBatch(request, client, key));
        return ResponseEntity.status(HttpStatus.CREATED)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
                .body(result.body());
    }

    private AssertionIssuing.Result once(String idempotencyKey, HttpServletRequest http,
                                         java.util.function.BiFunction<String, String, AssertionIssuing.Result> award) {
        if (idempotencyKey != null && idempotencyKey.length() > AssertionIssuing.MAX_IDEMPOTENCY_KEY) {
            throw new RuleViolationException("Idempotency-Key",
                    "must be at most " + AssertionIssuing.MAX_IDEMPOTENCY_KEY + " characters");
        }
        String client = (String) http.getAttribute(ApiKeyFilter.CLIENT_ATTRIBUTE);
        String key = blankToNull(idempotencyKey);
        return AssertionIssuing.once(() -> award.apply(client, key));
    }

    @PostMapping("/{id}/revoke")
    ResponseEntity<Map<String, Object>> revoke(@PathVariable String id,
                                               @Valid @RequestBody(required = false) RevokeRequest request) {
        String reason = request == null ? null : request.reason();
        commands.sendAndWait(new RevokeAssertion(id, reason, clock.instant()));
        return ResponseEntity.status(HttpStatus.OK).body(Map.of("id", id, "revoked", true));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
