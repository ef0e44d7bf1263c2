package io.badges.command.assertion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.command.badgeclass.BadgeClasses;
import io.badges.command.domain.IdempotencyConflictException;
import io.badges.command.domain.UnknownReferenceException;
import io.badges.command.domain.UnmetPreconditionException;
import io.badges.command.issuer.IssuerKeyStore;
import io.badges.persistence.Database;
import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awards one badge. The command's unit of work joins this transaction, so the assertion row, its
 * event and the Idempotency-Key record commit together; a concurrent duplicate key rolls all three back.
 */
@Service
class AssertionIssuing {

    record Result(String id, String body, boolean replayed) {
    }

    private final CommandGateway commands;
    private final BadgeClasses badgeClasses;
    private final IssuerKeyStore keys;
    private final AssertionSigner signer;
    private final IdempotencyStore idempotency;
    private final RecipientHasher hasher;
    private final ObjectMapper json;
    private final Clock clock;

    AssertionIssuing(CommandGateway commands, BadgeClasses badgeClasses, IssuerKeyStore keys, AssertionSigner signer,
                     IdempotencyStore idempotency, RecipientHasher hasher, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.badgeClasses = badgeClasses;
        this.keys = keys;
        this.signer = signer;
        this.idempotency = idempotency;
        this.hasher = hasher;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Result issue(AssertionRequest request, String clientId, String idempotencyKey) {
        String requestHash = idempotencyKey == null ? null : IdempotencyStore.requestHash(write(request));
        Optional<Result> replay = firstAnswer(clientId, idempotencyKey, requestHash);
        if (replay.isPresent()) {
            return replay.get();
        }
        IssueAssertion command = signedIfAsked(command(request));
        commands.sendAndWait(command);
        String body = write(AssertionResponse.of(command));
        if (idempotencyKey != null) {
            idempotency.remember(clientId, idempotencyKey, requestHash, command.assertionId(), body, clock.instant());
        }
        return new Result(command.assertionId(), body, false);
    }

    /** All or nothing: every award of the batch, its event and row commit in this one transaction. */
    @Transactional
    public Result issueBatch(AssertionBatchRequest request, String clientId, String idempotencyKey) {
        String requestHash = idempotencyKey == null ? null : IdempotencyStore.requestHash(write(request));
        Optional<Result> replay = firstAnswer(clientId, idempotencyKey, requestHash);
        if (replay.isPresent()) {
            return replay.get();
        }
        List<IssueAssertion> awards = request.recipients().stream()
                .map(recipient -> signedIfAsked(command(request.award(recipient))))
                .toList();
        commands.sendAndWait(new IssueAssertionBatch(request.badgeClassId(), awards));
        List<String> ids = awards.stream().map(IssueAssertion::assertionId).toList();
        String body = write(java.util.Map.of("ids", ids));
        if (idempotencyKey != null) {
            idempotency.remember(clientId, idempotencyKey, requestHash, ids.get(0), body, clock.instant());
        }
        return new Result(ids.get(0), body, false);
    }

    /** The stored answer to an earlier request with this key; a different request under it is refused. */
    private Optional<Result> firstAnswer(String clientId, String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return idempotency.find(clientId, idempotencyKey).map(first -> {
            if (!first.requestHash().equals(requestHash)) {
                throw new IdempotencyConflictException("this Idempotency-Key was used with a different request");
            }
            return new Result(first.assertionId(), first.responseBody(), true);
        });
    }

    private IssueAssertion signedIfAsked(IssueAssertion award) {
        if (!"signed".equals(award.verificationType())) {
            return award;
        }
        String issuerId = badgeClasses.issuerOf(award.badgeClassId()).orElseThrow(() ->
                new UnknownReferenceException("badgeClassId", "no badge class " + award.badgeClassId()));
        IssuerKeyStore.SigningKey key = keys.newestFor(issuerId).orElseThrow(() -> new UnmetPreconditionException(
                "verification", "the issuer has no signing key yet: POST /api/v1/issuers/" + issuerId + "/keys"));
        return award.signedWith(signer.sign(award, key));
    }

    private IssueAssertion command(AssertionRequest request) {
        Recipient recipient = hasher.recipient(request.recipient().type(), request.recipient().identity(),
                request.hashed());
        List<Evidence> evidence = request.evidence() == null ? List.of()
                : request.evidence().stream().map(e -> new Evidence(e.url(), e.narrative())).toList();
        Instant expires = request.expires() == null ? null : request.expires().toInstant();
        return new IssueAssertion(UUID.randomUUID().toString(), request.badgeClassId(), recipient, evidence,
                request.narrative(), expires, request.verificationType(), Database.truncate(clock.instant()), null,
                hasher.lookup(request.recipient().identity()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record AssertionResponse(String id, String badgeClassId, Recipient recipient, List<Evidence> evidence,
                             String narrative, Instant issuedOn, Instant expires, String verification,
                             String signature) {

        static AssertionResponse of(IssueAssertion c) {
            return new AssertionResponse(c.assertionId(), c.badgeClassId(), c.recipient(), c.evidence(),
                    c.narrative(), c.issuedOn(), c.expires(), c.verificationType(), c.signature());
        }
    }
}
