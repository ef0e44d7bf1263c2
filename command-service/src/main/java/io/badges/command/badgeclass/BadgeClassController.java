package io.badges.command.badgeclass;

import io.badges.command.domain.RuleViolationException;
import io.badges.events.badgeclass.Criteria;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/badge-classes")
class BadgeClassController {

    private final CommandGateway commands;
    private final BadgeClassStore badgeClasses;
    private final Clock clock;

    BadgeClassController(CommandGateway commands, BadgeClassStore badgeClasses, Clock clock) {
        this.commands = commands;
        this.badgeClasses = badgeClasses;
        this.clock = clock;
    }

    record BadgeClassResponse(String id, String issuerId, String name, String description, String image,
                              Criteria criteria, List<String> tags) {

        static BadgeClassResponse of(String id, String issuerId, BadgeClassDefinition d) {
            return new BadgeClassResponse(id, issuerId, d.name(), d.description(), d.image(), d.criteria(), d.tags());
        }
    }

    @PostMapping
    ResponseEntity<BadgeClassResponse> define(@Valid @RequestBody BadgeClassRequest request) {
        if (request.issuerId() == null || request.issuerId().isBlank()) {
            throw new RuleViolationException("issuerId", "must not be blank");
        }
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new DefineBadgeClass(id, request.issuerId(), request.definition(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/badge-classes/" + id))
                .body(BadgeClassResponse.of(id, request.issuerId(), request.definition()));
    }

    @PutMapping("/{id}")
    ResponseEntity<BadgeClassResponse> update(@PathVariable String id, @Valid @RequestBody BadgeClassRequest request) {
        commands.sendAndWait(new UpdateBadgeClass(id, request.definition(), clock.instant()));
        return ResponseEntity.ok(BadgeClassResponse.of(id, badgeClasses.issuerOf(id).orElse(null),
                request.definition()));
    }
}
