package io.badges.query.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.badges.credentials.BitstringStatusList;
import io.badges.credentials.DataIntegrity;
import io.badges.credentials.IssuerKeys;
import io.badges.credentials.Multikey;
import io.badges.credentials.VcJwt;
import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.Criteria;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.RecipientIdentity;
import io.badges.vocabulary.ob3.DidWeb;
import io.badges.vocabulary.ob3.OpenBadges3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OB 3.0 credentials from a did:web issuer made here with the library, its DID document and status list
 * served from files through the URL map; and the 1EdTech OB 3.0 vectors (ob30/, Apache-2.0).
 */
class OpenBadges3VerifierTest {

    private static final String BASE = "https://issuer.test";
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final int REVOKED = 4242;
    private static final int CLEAR = 17;
    private static final String ALICE = "alice@example.org";

    private static final KeyPair ED25519 = IssuerKeys.generateEd25519();
    private static final KeyPair P256 = IssuerKeys.generateP256();

    private final ObjectMapper json = new ObjectMapper();
    private final OpenBadges3 ob3 = new OpenBadges3(new PublicUrls(BASE));
    private Path site;
    private DocumentFetcher fetcher;
    private OpenBadges3Verifier verifier;

    @BeforeEach
    void site() throws IOException {
        site = Files.createDirectories(Path.of("target", "ob3-sites", UUID.randomUUID().toString())).toAbsolutePath();
        verifier = verifierOn(site);
        publishDidDocument("i-1", ob3.issuerDid("i-1"));
        publishStatusList("i-1", statusList());
    }

    private OpenBadges3Verifier verifierOn(Path files) {
        fetcher = TestVerifiers.fetcher(Map.of(BASE + "/", files.toUri().toString()));
        return new OpenBadges3Verifier(fetcher, new CredentialStatuses(fetcher), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private FetchBudget budget() {
        return fetcher.budget();
    }

    // --- credentials made here ---

    @Test
    void aDataIntegrityCredentialOfADidWebIssuerIsValid() {
        VerificationResult result = verifier.linkedData(signed(credential("i-1", CLEAR, null)));

        assertThat(result.checks()).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
        assertThat(result.valid()).isTrue();
        assertThat(result.revoked()).isFalse();
        assertThat(result.expired()).isFalse();
        assertThat(result.format()).isEqualTo("ob30-ldp");
        assertThat(names(result)).containsExactly("well-formed", "proof valid", "issuer binding", "not revoked",
                "valid yet", "not expired");
        assertThat(result.issuer()).isEqualTo(new VerificationResult.Issuer(ob3.issuerDid("i-1"), "Example University"));
        assertThat(result.achievement()).isEqualTo(new VerificationResult.Achievement("Event Sourcing"));
    }

    @Test
    void aVcJwtOfADidWebIssuerIsValidInBothForms() {
        String credential = signed(credential("i-1", CLEAR, null));
        for (VcJwt.Form form : VcJwt.Form.values()) {
            VerificationResult result = verifier.jwt(
                    VcJwt.sign(credential, P256.getPrivate(), ob3.verificationMethod("i-1", "jwt-1"), form));

            assertThat(result.checks()).as(form.name())
                    .allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
            assertThat(result.valid()).isTrue();
            assertThat(result.format()).isEqualTo("ob30-jwt");
            assertThat(names(result)).containsExactly("well-formed", "signature valid", "issuer binding",
                    "not revoked", "valid yet", "not expired");
        }
    }

    @Test
    void aRevokedCredentialIsRevokedAndInvalid() {
        VerificationResult ldp = verifier.linkedData(signed(credential("i-1", REVOKED, null)));
        VerificationResult jwt = verifier.jwt(VcJwt.sign(signed(credential("i-1", REVOKED, null)), P256.getPrivate(),
                ob3.verificationMethod("i-1", "jwt-1")));

        for (VerificationResult result : List.of(ldp, jwt)) {
            assertThat(result.valid()).isFalse();
            assertThat(result.revoked()).isTrue();
            assertThat(check(result, "not revoked").passed()).isFalse();
            assertThat(check(result, "not revoked").detail()).contains("revoked: bit " + REVOKED);
            assertThat(result.checks()).filteredOn(c -> !c.name().equals("not revoked")).allMatch(Check::passed);
        }
    }

    @Test
    void aTamperedClaimFailsTheProofCheck() {
        String tampered = signed(credential("i-1", CLEAR, null)).replace("Example University", "Evil University");

        VerificationResult result = verifier.linkedData(tampered);

        assertThat(result.valid()).isFalse();
        assertThat(check(result, "proof valid").passed()).isFalse();
        assertThat(check(result, "proof valid").detail()).contains("SIGNATURE_MISMATCH");
        assertThat(check(result, "issuer binding").passed()).isFalse();
    }

    @Test
    void aTamperedStatusListFailsTheStatusCheck() throws IOException {
        BitstringStatusList other = new BitstringStatusList();
        String signedList = statusList();
        String encoded = json.readTree(signedList).path("credentialSubject").path("encodedList").asText();
        publishStatusList("i-1", signedList.replace(encoded, other.encode()));

        VerificationResult result = verifier.linkedData(signed(credential("i-1", REVOKED, null)));

        assertThat(result.valid()).isFalse();
        assertThat(result.revoked()).isFalse();
        assertThat(check(result, "proof valid").passed()).isTrue();
        assertThat(check(result, "not revoked").passed()).isFalse();
        assertThat(check(result, "not revoked").detail()).contains("fails its proof");
    }

    @Test
    void aDidDocumentCannotGiveItsKeyToAnIssuerThatDoesNotListIt() throws IOException {
        // i-3's document says its key is controlled by i-1, to pass credentials off as i-1's
        publishDidDocument("i-3", ob3.issuerDid("i-1"));

        VerificationResult result = verifier.linkedData(DataIntegrity.sign(credential("i-1", CLEAR, null),
                ED25519.getPrivate(), ob3.verificationMethod("i-3", "key-1"), NOW));

        assertThat(result.valid()).isFalse();
        assertThat(check(result, "issuer binding").passed()).isFalse();
        assertThat(check(result, "issuer binding").detail()).contains("does not list it");
    }

    @Test
    void anHttpVerificationMethodIsBoundThroughItsControllersDocument() throws IOException {
        String issuer = BASE + "/issuers/web-1";
        String method = BASE + "/keys/web-1";
        String multikey = Multikey.encode(ED25519.getPublic());
        write(method, json.writeValueAsString(Map.of("id", method, "type", "Multikey", "controller", issuer,
                "publicKeyMultibase", multikey)));
        Map<String, Object> credential = credential("i-1", CLEAR, null);
        credential.put("issuer", Map.of("id", issuer, "type", List.of("Profile"), "name", "Web One"));
        credential.remove("credentialStatus");
        String signed = DataIntegrity.sign(credential, ED25519.getPrivate(), method, NOW);

        write(issuer, json.writeValueAsString(Map.of("id", issuer, "type", "Profile")));
        VerificationResult unlisted = verifier.linkedData(signed);
        write(issuer, json.writeValueAsString(Map.of("id", issuer, "type", "Profile", "assertionMethod", List.of(method))));
        verifier = verifierOn(site); // a new fetcher: the first profile is in the old one's cache
        VerificationResult listed = verifier.linkedData(signed);

        assertThat(check(unlisted, "proof valid").passed()).as(unlisted.toString()).isTrue();
        assertThat(check(unlisted, "issuer binding").passed()).isFalse();
        assertThat(listed.valid()).as(listed.toString()).isTrue();
        assertThat(check(listed, "issuer binding").detail()).contains(issuer);
    }

    @Test
    void aKeyControlledByAnotherDidFailsIssuerBinding() throws IOException {
        publishDidDocument("i-2", "did:web:other.test");
        publishStatusList("i-2", statusList());

        VerificationResult result = verifier.linkedData(DataIntegrity.sign(credential("i-2", CLEAR, null),
                ED25519.getPrivate(), ob3.verificationMethod("i-2", "key-1"), NOW));

        assertThat(result.valid()).isFalse();
        assertThat(check(result, "proof valid").passed()).isTrue();
        assertThat(check(result, "issuer binding").passed()).isFalse();
        assertThat(check(result, "issuer binding").detail()).contains("did:web:other.test");
    }

    @Test
    void anExpiredCredentialIsExpired() {
        VerificationResult result = verifier.linkedData(signed(credential("i-1", CLEAR, NOW.minus(Duration.ofDays(1)))));

        assertThat(result.valid()).isFalse();
        assertThat(result.expired()).isTrue();
        assertThat(check(result, "not expired").passed()).isFalse();
        assertThat(result.checks()).filteredOn(c -> !c.name().equals("not expired")).allMatch(Check::passed);
    }

    @Test
    void anIndexOutOfTheListFailsTheStatusCheck() {
        Map<String, Object> credential = credential("i-1", CLEAR, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> status = new LinkedHashMap<>((Map<String, Object>) credential.get("credentialStatus"));
        status.put("statusListIndex", "99999999");
        credential.put("credentialStatus", status);

        VerificationResult result = verifier.linkedData(signed(credential));

        assertThat(check(result, "not revoked").passed()).isFalse();
        assertThat(check(result, "not revoked").detail()).contains("out of range");
        assertThat(result.valid()).isFalse();
    }

    @Test
    void aDidKeyIssuerIsBoundToItsKey() {
        String didKey = Multikey.didKey(ED25519.getPublic());
        Map<String, Object> credential = credential("i-1", CLEAR, null);
        credential.remove("credentialStatus");
        credential.put("issuer", Map.of("id", didKey, "type", List.of("Profile"), "name", "Somebody"));

        VerificationResult result = verifier.linkedData(DataIntegrity.sign(credential, ED25519.getPrivate(),
                Multikey.didKeyVerificationMethod(ED25519.getPublic()), NOW));

        assertThat(result.checks()).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
        assertThat(check(result, "not revoked").detail()).contains("no credentialStatus");
    }

    @Test
    void theRecipientIsCheckedWhenGiven() {
        String credential = signed(credential("i-1", CLEAR, null));
        String jwt = VcJwt.sign(credential, P256.getPrivate(), ob3.verificationMethod("i-1", "jwt-1"));

        for (VerificationResult alice : List.of(verifier.linkedData(credential, ALICE, budget()), verifier.jwt(jwt, ALICE, budget()))) {
            assertThat(alice.recipientMatches()).isTrue();
            assertThat(alice.valid()).as(alice.toString()).isTrue();
        }
        for (VerificationResult bob : List.of(verifier.linkedData(credential, "bob@example.org", budget()),
                verifier.jwt(jwt, "bob@example.org", budget()))) {
            assertThat(bob.recipientMatches()).isFalse();
            assertThat(check(bob, "recipient matches").passed()).isFalse();
            assertThat(bob.valid()).isFalse();
        }
        assertThat(verifier.linkedData(credential).recipientMatches()).isNull();
    }

    @Test
    void tooManyStatusEntriesAreNotFetched() {
        Map<String, Object> credential = credential("i-1", CLEAR, null);
        Object entry = credential.get("credentialStatus");
        credential.put("credentialStatus", java.util.Collections.nCopies(CredentialStatuses.MAX_ENTRIES + 1, entry));

        VerificationResult result = verifier.linkedData(signed(credential));

        assertThat(check(result, "not revoked").passed()).isFalse();
        assertThat(check(result, "not revoked").detail()).contains("at most");
    }

    @Test
    void theVcdm11DatesAreRead() {
        for (Instant expiration : List.of(NOW.plus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1)))) {
            Map<String, Object> credential = new LinkedHashMap<>();
            credential.put("@context", List.of("https://www.w3.org/2018/credentials/v1",
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json"));
            credential.put("id", "urn:uuid:" + UUID.randomUUID());
            credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
            credential.put("issuer", Map.of("id", ob3.issuerDid("i-1"), "type", "Profile", "name", "Old Style"));
            credential.put("issuanceDate", NOW.minus(Duration.ofDays(2)).toString());
            credential.put("expirationDate", expiration.toString());
            credential.put("credentialSubject", Map.of("type", "AchievementSubject",
                    "achievement", Map.of("type", "Achievement", "name", "Old")));
            String jwt = VcJwt.sign(json.valueToTree(credential).toString(), P256.getPrivate(),
                    ob3.verificationMethod("i-1", "jwt-1"), VcJwt.Form.VC_CLAIM);

            VerificationResult result = verifier.jwt(jwt);

            boolean expired = expiration.isBefore(NOW);
            assertThat(check(result, "signature valid").passed()).as(result.toString()).isTrue();
            assertThat(check(result, "valid yet").detail()).contains("issuanceDate");
            assertThat(check(result, "not expired").detail()).contains("expirationDate");
            assertThat(result.expired()).isEqualTo(expired);
            assertThat(result.valid()).isEqualTo(!expired);
        }
    }

    // --- the 1EdTech OB 3.0 vectors ---

    @Test
    void theSimpleVectorVerifiesButItsIssuerBindingIsUnproven() throws IOException {
        VerificationResult result = verifier.linkedData(vector("simple.json"));

        assertThat(check(result, "proof valid").passed()).as(result.toString()).isTrue();
        assertThat(check(result, "issuer binding").passed()).isFalse();
        assertThat(check(result, "issuer binding").detail()).contains("unproven");
        assertThat(result.checks()).filteredOn(c -> !c.name().equals("issuer binding")).allMatch(Check::passed);
        assertThat(result.valid()).isFalse();
        assertThat(result.issuer().id()).isEqualTo("https://example.com/issuers/876543");
    }

    @Test
    void theJwtVectorVerifiesWithItsHeaderKeyButItsIssuerBindingIsUnproven() throws IOException {
        VerificationResult result = verifier.jwt(vector("simple-jwt.extracted-from-svg.jwt"));

        assertThat(check(result, "signature valid").passed()).as(result.toString()).isTrue();
        assertThat(check(result, "signature valid").detail()).contains("jwk");
        assertThat(check(result, "issuer binding").passed()).isFalse();
        assertThat(check(result, "issuer binding").detail()).contains("unproven");
        assertThat(result.checks()).filteredOn(c -> !c.name().equals("issuer binding")).allMatch(Check::passed);
        assertThat(result.format()).isEqualTo("ob30-jwt");
    }

    @Test
    void aTamperedJwtVectorFailsItsSignature() throws IOException {
        String jwt = vector("simple-jwt.extracted-from-svg.jwt");
        String forged = jwt.substring(0, jwt.length() - 4) + (jwt.endsWith("AAAA") ? "BBBB" : "AAAA");

        VerificationResult result = verifier.jwt(forged);

        assertThat(check(result, "signature valid").passed()).isFalse();
        assertThat(result.valid()).isFalse();
    }

    @Test
    void aStatusListChangedAfterAnEarlierVerificationIsCheckedAfresh() throws IOException {
        String credential = signed(credential("i-1", CLEAR, null));
        VerificationResult before = verifier.linkedData(credential);
        ObjectNode list = (ObjectNode) json.readTree(statusList());
        BitstringStatusList flipped = new BitstringStatusList();
        flipped.set(CLEAR, true);
        ((ObjectNode) list.get("credentialSubject")).put("encodedList", flipped.encode());
        publishStatusList("i-1", json.writeValueAsString(list)); // not signed again

        VerificationResult after = verifier.linkedData(credential);

        assertThat(before.valid()).as(before.toString()).isTrue();
        assertThat(after.valid()).isFalse();
        assertThat(check(after, "not revoked").detail()).contains("fails its proof");
    }

    @Test
    void anotherStatusTypeIsNotSupported() {
        Map<String, Object> credential = credential("i-1", CLEAR, null);
        credential.put("credentialStatus", Map.of("id", BASE + "/status#1", "type", "CredentialStatusList2017"));

        VerificationResult result = verifier.linkedData(signed(credential));

        assertThat(check(result, "not revoked").passed()).isFalse();
        assertThat(check(result, "not revoked").detail()).contains("not supported");
    }

    @Test
    void a1EdTechRevocationListRevokesTheCredentialsItNames() throws IOException {
        Map<String, Object> listed = credential("i-1", CLEAR, null);
        Map<String, Object> other = credential("i-1", CLEAR, null);
        Map<String, Object> entry = Map.of("id", BASE + "/revocations/i-1", "type", "1EdTechRevocationList");
        listed.put("credentialStatus", entry);
        other.put("credentialStatus", entry);
        write(BASE + "/revocations/i-1", json.writeValueAsString(Map.of("id", BASE + "/revocations/i-1",
                "issuer", ob3.issuerDid("i-1"), "revokedCredentials",
                List.of(Map.of("id", listed.get("id"), "revocationReason", "Awarded by mistake")))));

        VerificationResult revoked = verifier.linkedData(signed(listed));
        VerificationResult clear = verifier.linkedData(signed(other));

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.valid()).isFalse();
        assertThat(check(revoked, "not revoked").detail()).contains("Awarded by mistake");
        assertThat(clear.valid()).as(clear.toString()).isTrue();
        assertThat(check(clear, "not revoked").detail()).contains("not listed");
    }

    @Test
    void a1EdTechRevocationListOfAnotherIssuerIsNotBelieved() throws IOException {
        Map<String, Object> credential = credential("i-1", CLEAR, null);
        credential.put("credentialStatus", Map.of("id", BASE + "/revocations/x", "type", "1EdTechRevocationList"));
        write(BASE + "/revocations/x", json.writeValueAsString(Map.of("issuer", "did:web:someone.else",
                "revokedCredentials", List.of())));

        VerificationResult result = verifier.linkedData(signed(credential));

        assertThat(check(result, "not revoked").passed()).isFalse();
        assertThat(check(result, "not revoked").detail()).contains("did:web:someone.else");
    }

    @Test
    void aStatusList2021EntryIsReadFromAListSignedAsAVcJwt() throws IOException {
        BitstringStatusList bits = new BitstringStatusList();
        bits.set(REVOKED, true);
        String encoded = bits.encode().substring(1); // Status List 2021: no multibase prefix
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("@context", List.of("https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1"));
        list.put("id", BASE + "/sl2021/1");
        list.put("type", List.of("VerifiableCredential", "StatusList2021Credential"));
        list.put("issuer", ob3.issuerDid("i-1"));
        list.put("issuanceDate", NOW.minus(Duration.ofDays(3)).toString());
        list.put("credentialSubject", Map.of("id", BASE + "/sl2021/1#list", "type", "StatusList2021",
                "statusPurpose", "revocation", "encodedList", encoded));
        write(BASE + "/sl2021/1", VcJwt.sign(json.writeValueAsString(list), P256.getPrivate(),
                ob3.verificationMethod("i-1", "jwt-1"), VcJwt.Form.VC_CLAIM));

        for (int index : List.of(REVOKED, CLEAR)) {
            Map<String, Object> credential = credential("i-1", CLEAR, null);
            credential.put("credentialStatus", Map.of("id", BASE + "/sl2021/1#" + index, "type", "StatusList2021Entry",
                    "statusPurpose", "revocation", "statusListIndex", String.valueOf(index),
                    "statusListCredential", BASE + "/sl2021/1"));

            // a Status List 2021 entry needs its own JSON-LD context: as a VC-JWT nothing is canonicalised
            VerificationResult result = verifier.jwt(VcJwt.sign(json.writeValueAsString(credential), P256.getPrivate(),
                    ob3.verificationMethod("i-1", "jwt-1")));

            assertThat(result.revoked()).as(result.toString()).isEqualTo(index == REVOKED);
            assertThat(result.valid()).isEqualTo(index != REVOKED);
        }
    }

    @Test
    void aListWhosePurposeIsNotTheEntrysIsRefused() {
        Map<String, Object> credential = credential("i-1", CLEAR, null);
        Map<String, Object> entry = new LinkedHashMap<>(castMap(credential.get("credentialStatus")));
        entry.put("statusPurpose", "suspension");
        credential.put("credentialStatus", entry);

        VerificationResult result = verifier.linkedData(signed(credential));

        assertThat(check(result, "not suspended").passed()).isFalse();
        assertThat(check(result, "not suspended").detail()).contains("is for revocation");
    }

    @Test
    void oneVerificationLoadsNoMoreDocumentsThanItsBudget() throws IOException {
        Map<String, Object> credential = credential("i-1", CLEAR, null);
        List<Map<String, Object>> entries = new java.util.ArrayList<>();
        for (int i = 0; i < CredentialStatuses.MAX_ENTRIES; i++) {
            entries.add(Map.of("id", BASE + "/revocations/r" + i, "type", "1EdTechRevocationList"));
            write(BASE + "/revocations/r" + i, json.writeValueAsString(Map.of("revokedCredentials", List.of())));
        }
        credential.put("credentialStatus", entries);
        String signed = signed(credential);

        VerificationResult generous = verifier.linkedData(signed, null, new FetchBudget(12, 1 << 20, Duration.ofSeconds(10)));
        VerificationResult tight = verifier.linkedData(signed, null, new FetchBudget(3, 1 << 20, Duration.ofSeconds(10)));

        assertThat(generous.valid()).as(generous.toString()).isTrue();
        assertThat(tight.valid()).isFalse();
        assertThat(tight.checks()).anyMatch(c -> !c.passed() && c.detail().contains("loads at most 3"));
    }

    @Test
    void theBytesOfOneVerificationAreBounded() {
        String signed = signed(credential("i-1", CLEAR, null));

        VerificationResult result = verifier.linkedData(signed, null, new FetchBudget(12, 600, Duration.ofSeconds(10)));

        assertThat(result.valid()).isFalse();
        assertThat(result.checks()).anyMatch(c -> !c.passed() && c.detail().contains("over 600 bytes"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    // --- helpers ---

    static String vector(String name) throws IOException {
        return Files.readString(Path.of("src", "test", "resources", "openbadges", "ob30", name)).strip();
    }

    private Map<String, Object> credential(String issuerId, int index, Instant validUntil) {
        return new LinkedHashMap<>(ob3.credential(
                new OpenBadges3.Issuer(issuerId, "Example University", "https://example.org", null),
                new OpenBadges3.Achievement("b-1", "Event Sourcing", "Events as the truth",
                        new Criteria("Build one", null), null),
                new OpenBadges3.Award("c-" + UUID.randomUUID(), new Recipient("email", RecipientIdentity.hash(ALICE, "s4lt"), true, "s4lt"),
                        NOW.minus(Duration.ofDays(2)), validUntil, new OpenBadges3.StatusEntry("1", index))));
    }

    private String signed(Map<String, Object> credential) {
        return DataIntegrity.sign(credential, ED25519.getPrivate(), ob3.verificationMethod("i-1", "key-1"), NOW);
    }

    private String statusList() {
        BitstringStatusList list = new BitstringStatusList();
        list.set(REVOKED, true);
        return DataIntegrity.sign(ob3.statusListCredential("i-1", "1", list.encode(), NOW.minus(Duration.ofDays(3)),
                null), ED25519.getPrivate(), ob3.verificationMethod("i-1", "key-1"), NOW.minus(Duration.ofDays(3)));
    }

    private void publishDidDocument(String issuerId, String controller) throws IOException {
        Map<String, Object> document = ob3.didDocument(issuerId, List.of(
                OpenBadges3.VerificationKey.multikey("key-1", Multikey.encode(ED25519.getPublic())),
                OpenBadges3.VerificationKey.jsonWebKey("jwt-1", IssuerKeys.publicJwk(P256.getPublic(), null))));
        ObjectNode node = json.valueToTree(document);
        node.withArray("verificationMethod").forEach(m -> ((ObjectNode) m).put("controller", controller));
        write(DidWeb.documentUrl(ob3.issuerDid(issuerId)), json.writeValueAsString(node));
    }

    private void publishStatusList(String issuerId, String list) throws IOException {
        write(ob3.urls().statusList(issuerId, "1"), list);
    }

    private void write(String url, String body) throws IOException {
        Path file = site.resolve(url.substring(BASE.length() + 1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, body);
    }

    private static List<String> names(VerificationResult result) {
        return result.checks().stream().map(Check::name).toList();
    }

    private static Check check(VerificationResult result, String name) {
        return result.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + result.checks()));
    }
}
