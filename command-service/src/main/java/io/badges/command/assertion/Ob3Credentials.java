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
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns OB 3.0 awards into signed OpenBadgeCredentials, once, at award time: each gets a status list
 * entry, a Data Integrity proof (eddsa-rdfc-2022, the issuer's newest Ed25519 key) and a VC-JWT
 * (ES256, the newest P-256 key; 1EdTech's validator accepts only RS256/ES256 JWTs). The keys are made
 * on the issuer's first OB 3.0 award. Runs in the award's transaction, so a refused award leaves no
 * key, entry or event; the signatures (a few ms each) run in parallel on all cores.
 */
@Component
class Ob3Credentials {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Ob3Credentials.class);

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

    /** The awards (all of one badge class) with their signed credentials, in the same order. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<IssueAssertion> sign(String badgeClassId, List<IssueAssertion> awards) {
        String issuerId = badgeClasses.issuerOf(badgeClassId).orElseThrow(() ->
                new UnknownReferenceException("badgeClassId", "no badge class " + badgeClassId));
        IssuerProfile profile = issuers.profile(issuerId).orElseThrow(() ->
                new UnknownReferenceException("badgeClassId", "the badge class's issuer " + issuerId + " is unknown"));
        BadgeClassDefinition badge = definitions.definition(badgeClassId).orElseThrow();
        requireWhatOb3Requires(badge);
        OpenBadges3.Issuer issuer = new OpenBadges3.Issuer(issuerId, profile.name(), profile.url(), profile.email());
        OpenBadges3.Achievement achievement = new OpenBadges3.Achievement(badgeClassId, badge.name(),
                badge.description(), badge.criteria(), ob3.urls().badgeImage(badgeClassId));

        statusLists.lock(issuerId);
        IssuerKeyStore.OpenedKey proofKey = keys.newestOrNew(issuerId, IssuerKeyAdded.ED25519);
        IssuerKeyStore.OpenedKey jwtKey = keys.newestOrNew(issuerId, IssuerKeyAdded.ES256);
        List<OpenBadges3.StatusEntry> entries = statusLists.allocate(issuerId,
                awards.stream().map(IssueAssertion::assertionId).toList());
        String proofMethod = ob3.verificationMethod(issuerId, proofKey.keyId());
        String jwtMethod = ob3.verificationMethod(issuerId, jwtKey.keyId());

        // Pure computation, no transaction or unit of work needed: the common pool plus this thread.
        long start = System.nanoTime();
        List<IssueAssertion> signed = IntStream.range(0, awards.size()).parallel().mapToObj(i -> {
            IssueAssertion award = awards.get(i);
            var unsigned = ob3.credential(issuer, achievement, new OpenBadges3.Award(award.assertionId(),
                    award.recipient(), award.issuedOn(), award.expires(), entries.get(i)));
            String credential = DataIntegrity.sign(unsigned, proofKey.privateKey(), proofMethod, award.issuedOn());
            return award.withCredential(credential, VcJwt.sign(credential, jwtKey.privateKey(), jwtMethod));
        }).toList();
        if (awards.size() > 1) {
            log.info("signed {} OB 3.0 credentials in {} ms", awards.size(), (System.nanoTime() - start) / 1_000_000);
        }
        return signed;
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
