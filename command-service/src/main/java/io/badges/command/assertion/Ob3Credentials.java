package io.badges.command.assertion;

import io.badges.command.badgeclass.BadgeClassDefinition;
import io.badges.command.badgeclass.BadgeClassDefinitions;
import io.badges.command.badgeclass.BadgeClasses;
import io.badges.command.domain.UnknownReferenceException;
import io.badges.command.domain.UnmetPreconditionException;
import io.badges.command.issuer.IssuerKeyStore;
import io.badges.command.issuer.IssuerKeys;
import io.badges.command.issuer.IssuerProfile;
import io.badges.command.issuer.IssuerProfiles;
import io.badges.command.status.StatusLists;
import io.badges.credentials.DataIntegrity;
import io.badges.credentials.VcJwt;
import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.vocabulary.ob3.OpenBadges3;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns OB 3.0 awards into signed OpenBadgeCredentials, once, at award time: each gets a status list
 * entry, a Data Integrity proof (eddsa-rdfc-2022, the issuer's newest Ed25519 key) and a VC-JWT
 * (ES256, the newest P-256 key; 1EdTech's validator accepts only RS256/ES256 JWTs). The keys are made
 * on the issuer's first OB 3.0 award.
 *
 * <p>Two steps, because signing costs milliseconds per credential and the embedded database has one
 * writer: {@link #prepare} signs (in parallel on all cores) before the award's transaction, with
 * status indexes drawn at random from the issuer's current list; {@link #claim}, in the transaction,
 * takes those indexes under the issuer's lock and re-signs only the few credentials whose index was
 * taken meanwhile. Everything the award writes (entries, rows, events) still commits or rolls back together.
 */
@Component
class Ob3Credentials {

    private static final Logger log = LoggerFactory.getLogger(Ob3Credentials.class);

    /** Awards signed ahead of their transaction, with what is needed to re-sign one. */
    record Prepared(String issuerId, OpenBadges3.Issuer issuer, OpenBadges3.Achievement achievement,
                    IssuerKeyStore.OpenedKey proofKey, IssuerKeyStore.OpenedKey jwtKey, String listId,
                    List<Integer> proposed, List<IssueAssertion> signed) {
    }

    private final BadgeClasses badgeClasses;
    private final BadgeClassDefinitions definitions;
    private final IssuerProfiles issuers;
    private final IssuerKeys keys;
    private final StatusLists statusLists;
    private final OpenBadges3 ob3;

    Ob3Credentials(BadgeClasses badgeClasses, BadgeClassDefinitions definitions, IssuerProfiles issuers, IssuerKeys keys,
                   StatusLists statusLists, OpenBadges3 ob3) {
        this.badgeClasses = badgeClasses;
        this.definitions = definitions;
        this.issuers = issuers;
        this.keys = keys;
        this.statusLists = statusLists;
        this.ob3 = ob3;
    }

    /** Signs the awards (all of one badge class), outside any transaction; a first award makes the keys. */
    Prepared prepare(String badgeClassId, List<IssueAssertion> awards) {
        String issuerId = badgeClasses.issuerOf(badgeClassId).orElseThrow(() ->
                new UnknownReferenceException("badgeClassId", "no badge class " + badgeClassId));
        IssuerProfile profile = issuers.profile(issuerId).orElseThrow(() ->
                new UnknownReferenceException("badgeClassId", "the badge class's issuer " + issuerId + " is unknown"));
        BadgeClassDefinition badge = definitions.definition(badgeClassId).orElseThrow();
        requireWhatOb3Requires(badge);
        OpenBadges3.Issuer issuer = new OpenBadges3.Issuer(issuerId, profile.name(), profile.url(), profile.email());
        OpenBadges3.Achievement achievement = new OpenBadges3.Achievement(badgeClassId, badge.name(),
                badge.description(), badge.criteria(), ob3.urls().badgeImage(badgeClassId));
        IssuerKeyStore.OpenedKey proofKey = keys.newestOrNew(issuerId, IssuerKeyAdded.ED25519);
        IssuerKeyStore.OpenedKey jwtKey = keys.newestOrNew(issuerId, IssuerKeyAdded.ES256);
        StatusLists.CurrentList list = statusLists.peek(issuerId);
        List<Integer> proposed = statusLists.propose(issuerId, list, awards.size());
        long start = System.nanoTime();
        Prepared prepared = new Prepared(issuerId, issuer, achievement, proofKey, jwtKey, list.listId(), proposed, null);
        List<IssueAssertion> signed = signAll(prepared, awards, IntStream.range(0, awards.size())
                .mapToObj(i -> new OpenBadges3.StatusEntry(list.listId(), proposed.get(i))).toList());
        if (awards.size() > 1) {
            log.info("signed {} OB 3.0 credentials in {} ms", awards.size(), (System.nanoTime() - start) / 1_000_000);
        }
        return new Prepared(issuerId, issuer, achievement, proofKey, jwtKey, list.listId(), proposed, signed);
    }

    /** In the award's transaction: the status entries taken, the awards as signed with them. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<IssueAssertion> claim(Prepared prepared) {
        statusLists.lock(prepared.issuerId());
        List<IssueAssertion> awards = prepared.signed();
        List<OpenBadges3.StatusEntry> entries = statusLists.claim(prepared.issuerId(), prepared.listId(),
                awards.stream().map(IssueAssertion::assertionId).toList(), prepared.proposed());
        List<Integer> changed = IntStream.range(0, awards.size())
                .filter(i -> !entries.get(i).equals(new OpenBadges3.StatusEntry(prepared.listId(), prepared.proposed().get(i))))
                .boxed().toList();
        if (changed.isEmpty()) {
            return awards;
        }
        List<IssueAssertion> resigned = signAll(prepared, changed.stream().map(awards::get).toList(),
                changed.stream().map(entries::get).toList());
        List<IssueAssertion> result = new ArrayList<>(awards);
        for (int i = 0; i < changed.size(); i++) {
            result.set(changed.get(i), resigned.get(i));
        }
        return result;
    }

    /** Pure computation, no transaction or unit of work needed: the common pool plus this thread. */
    private List<IssueAssertion> signAll(Prepared keys, List<IssueAssertion> awards,
                                         List<OpenBadges3.StatusEntry> entries) {
        String proofMethod = ob3.verificationMethod(keys.issuerId(), keys.proofKey().keyId());
        String jwtMethod = ob3.verificationMethod(keys.issuerId(), keys.jwtKey().keyId());
        return IntStream.range(0, awards.size()).parallel().mapToObj(i -> {
            IssueAssertion award = awards.get(i);
            var unsigned = ob3.credential(keys.issuer(), keys.achievement(), new OpenBadges3.Award(award.assertionId(),
                    award.recipient(), award.issuedOn(), award.expires(), entries.get(i)));
            String credential = DataIntegrity.sign(unsigned, keys.proofKey().privateKey(), proofMethod, award.issuedOn());
            return award.withCredential(credential, VcJwt.sign(credential, keys.jwtKey().privateKey(), jwtMethod));
        }).toList();
    }

    /**
     * OB 3.0 (B.1.1 Achievement, B.2.4 Criteria) requires an achievement's name, description and criteria
     * with an id or a narrative; a Profile requires only id and type, which we always make (the DID). Our
     * badge classes are validated so at the edge already: this only guards what older rows might lack.
     */
    private static void requireWhatOb3Requires(BadgeClassDefinition badge) {
        if (blank(badge.name())) {
            throw new UnmetPreconditionException("badgeClass.name", "OB 3.0 requires the achievement's name");
        }
        if (blank(badge.description())) {
            throw new UnmetPreconditionException("badgeClass.description",
                    "OB 3.0 requires the achievement's description");
        }
        if (badge.criteria() == null || blank(badge.criteria().narrative()) && blank(badge.criteria().url())) {
            throw new UnmetPreconditionException("badgeClass.criteria",
                    "OB 3.0 requires the achievement's criteria (a narrative or a URL)");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
