package io.badges.command.issuer;

import io.badges.command.domain.TimeOrderedIds;
import io.badges.events.issuer.IssuerKeyAdded;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/issuers")
class IssuerController {

    private final CommandGateway commands;
    private final IssuerKeys keys;
    private final Clock clock;

    IssuerController(CommandGateway commands, IssuerKeys keys, Clock clock) {
        this.commands = commands;
        this.keys = keys;
        this.clock = clock;
    }

    record IssuerResponse(String id, String name, String url, String email, String description, String image) {

        static IssuerResponse of(String id, IssuerProfile p) {
            return new IssuerResponse(id, p.name(), p.url(), p.email(), p.description(), p.image());
        }
    }

    @PostMapping
    ResponseEntity<IssuerResponse> register(@Valid @RequestBody IssuerRequest request) {
        String id = TimeOrderedIds.next();
        commands.sendAndWait(new RegisterIssuer(id, request.profile(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/issuers/" + id)).body(IssuerResponse.of(id, request.profile()));
    }

    @PutMapping("/{id}")
    ResponseEntity<IssuerResponse> update(@PathVariable String id, @Valid @RequestBody IssuerRequest request) {
        commands.sendAndWait(new UpdateIssuerProfile(id, request.profile(), clock.instant()));
        return ResponseEntity.status(HttpStatus.OK).body(IssuerResponse.of(id, request.profile()));
    }

    record KeyRequest(@Pattern(regexp = "RS256|Ed25519|ES256", message = "must be RS256, Ed25519 or ES256")
                      String algorithm) {
    }

    /**
     * A new signing key, RS256 unless {@code {"algorithm": "Ed25519" | "ES256"}} asks otherwise (rotation:
     * the newest key of an algorithm signs, older ones stay published); the private half never leaves
     * this service.
     */
    @PostMapping("/{id}/keys")
    ResponseEntity<IssuerKeys.PublishedKey> addKey(@PathVariable String id,
                                                   @Valid @RequestBody(required = false) KeyRequest request) {
        String algorithm = request == null || request.algorithm() == null ? IssuerKeyAdded.RS256 : request.algorithm();
        IssuerKeys.PublishedKey key = keys.generate(id, algorithm);
        return ResponseEntity.created(URI.create("/api/v1/issuers/" + id + "/keys/" + key.keyId())).body(key);
    }
}
