package io.badges.command.assertion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.command.badgeclass.BadgeClasses;
import io.badges.command.domain.IdempotencyConflictException;
import io.badges.command.domain.RuleViolationException;
import io.badges.command.domain.TimeOrderedIds;
import io.badges.events.assertion.AssertionIssued;
import io.badges.vocabulary.PublicUrls;
import java.time.temporal.ChronoUnit;
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
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Awards one badge. The command's unit of work joins the award's transaction, so the assertion row, its
 * event and the Idempotency-Key record commit together; a concurrent duplicate key rolls all three back.
 */
@Service
class AssertionIssuing {

    record Result(String id, String body, boolean replayed) {
    }

    static final int MAX_IDEMPOTENCY_KEY = 200;

    private final CommandGateway commands;
    private final BadgeClasses badgeClasses;
    private final IssuerKeyStore keys;
    private final AssertionSigner signer;
    private final Ob3Credentials ob3;
    private final PublicUrls urls;
    private final TransactionTemplate transactions;
    private final IdempotencyStore idempotency;
    private final RecipientHasher hasher;
    private final ObjectMapper json;
    private final Clock clock;

    AssertionIssuing(CommandGateway commands, BadgeClasses badgeClasses, IssuerKeyStore keys, AssertionSigner signer,
                     Ob3Credentials ob3, PublicUrls urls, IdempotencyStore idempotency, RecipientHasher hasher,
                     ObjectMapper json, Clock clock, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.ob3 = ob3;
        this.urls = urls;
        this.commands = commands;
        this.badgeClasses = badgeClasses;
        this.keys = keys;
        this.signer = signer;
        this.idempotency = idempotency;
        this.hasher = hasher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * An OB 3.0 award is signed before its transaction (signing takes milliseconds, the embedded
     * database has one writer); the transaction then takes its status entry (see {@link Ob3Credentials}).
     */
    public Result issue(AssertionRequest request, String clientId, String idempotencyKey) {
        IssueAssertion award = command(request);
        Ob3Credentials.Prepared prepared = award.ob3() ? ob3.prepare(award.badgeClassId(), List.of(award)) : null;
        return transactions.execute(status -> {
            String requestHash = idempotencyKey == null ? null : idempotency.requestHash(write(request));
            Optional<Result> replay = firstAnswer(clientId, idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
            IssueAssertion command = prepared != null ? ob3.claim(prepared).get(0) : signedIfAsked(award);
            commands.sendAndWait(command);
            String body = write(AssertionResponse.of(command, urls));
            if (idempotencyKey != null) {
                idempotency.remember(clientId, idempotencyKey, requestHash, command.assertionId(), body, clock.instant());
            }
            return new Result(command.assertionId(), body, false);
        });
    }

    /**
     * Runs an award under the client's Idempotency-Key. When a concurrent request with the same key
     * committed first, this one rolled back entirely; running it again answers what the first answered.
     */
    static Result once(Supplier<Result> award) {
        try {
            return award.get();
        } catch (DuplicateKeyException concurrentSameKey) {
            return award.get();
        }
    }

    /**
     * All or nothing: every award of the batch, its event and row commit in one transaction. OB 3.0
     * credentials are all signed (in parallel) before it, and the command carries them.
     */
    public Result issueBatch(AssertionBatchRequest request, String clientId, String idempotencyKey) {
        List<IssueAssertion> commanded = request.recipients().stream()
                .map(recipient -> command(request.award(recipient)))
                .toList();
        boolean ob3Format = AssertionIssued.OB3.equals(request.format());
        Ob3Credentials.Prepared prepared = ob3Format ? ob3.prepare(request.badgeClassId(), commanded) : null;
        return transactions.execute(status -> {
            String requestHash = idempotencyKey == null ? null : idempotency.requestHash(write(request));
            Optional<Result> replay = firstAnswer(clientId, idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
            List<IssueAssertion> awards = prepared != null ? ob3.claim(prepared)
                    : commanded.stream().map(this::signedIfAsked).toList();
            commands.sendAndWait(new IssueAssertionBatch(request.badgeClassId(), awards));
            List<String> ids = awards.stream().map(IssueAssertion::assertionId).toList();
            String body = write(ob3Format
                    ? java.util.Map.of("ids", ids, "format", AssertionIssued.OB3,
                            "credentialUrls", ids.stream().map(urls::credential).toList())
                    : java.util.Map.of("ids", ids));
            if (idempotencyKey != null) {
                idempotency.remember(clientId, idempotencyKey, requestHash, ids.get(0), body, clock.instant());
            }
            return new Result(ids.get(0), body, false);
        });
    }

    /** The stored answer to an earlier request with this key; a different request under it is refused. */
    private Optional<Result> firstAnswer(String clientId, String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return idempotency.find(clientId, idempotencyKey).map(first -> {
            if (!first.answers(requestHash)) {
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
        String format = request.formatOrDefault();
        if (AssertionIssued.OB3.equals(format) && "signed".equals(request.verification())) {
            throw new RuleViolationException("verification",
                    "is an OB 2.0 option: an OB 3.0 credential is always signed (leave verification out)");
        }
        Instant expiresAt = request.expires() == null ? null : request.expires().toInstant();
        if (AssertionIssued.OB3.equals(format) && expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            // Refused before anything is signed or any key made (the aggregate's rule, checked early).
            throw new RuleViolationException("expires", "must be after the issue date");
        }
        Recipient recipient = hasher.recipient(request.recipient().type(), request.recipient().identity(),
                request.hashed());
        List<Evidence> evidence = request.evidence() == null ? List.of()
                : request.evidence().stream().map(e -> new Evidence(e.url(), e.narrative())).toList();
        Instant expires = request.expires() == null ? null : request.expires().toInstant();
        // OB 3.0 times are kept to the second (the VC-JWT's NumericDate claims must equal them).
        Instant issuedOn = AssertionIssued.OB3.equals(format) ? clock.instant().truncatedTo(ChronoUnit.SECONDS)
                : Database.truncate(clock.instant());
        return new IssueAssertion(TimeOrderedIds.next(), request.badgeClassId(), recipient, evidence,
                request.narrative(), expires, request.verificationType(), issuedOn, null,
                hasher.lookup(request.recipient().identity()), format, null, null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code credentialUrl}: where the query side serves an OB 3.0 credential (null for OB 2.0). */
    record AssertionResponse(String id, String badgeClassId, Recipient recipient, List<Evidence> evidence,
                             String narrative, Instant issuedOn, Instant expires, String verification,
                             String signature, String format, String credentialUrl) {

        static AssertionResponse of(IssueAssertion c, PublicUrls urls) {
            return new AssertionResponse(c.assertionId(), c.badgeClassId(), c.recipient(), c.evidence(),
                    c.narrative(), c.issuedOn(), c.expires(), c.verificationType(), c.signature(), c.format(),
                    c.ob3() ? urls.credential(c.assertionId()) : null);
        }
    }
}
