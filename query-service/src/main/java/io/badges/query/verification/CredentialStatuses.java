package io.badges.query.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.badges.credentials.BitstringStatusList;
import io.badges.credentials.DataIntegrity;
import io.badges.credentials.VcJwt;
import io.badges.credentials.Verification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The status checks of an OB 3.0 credential, one per {@code credentialStatus} entry:
 * <ul>
 *   <li>{@code BitstringStatusListEntry} (W3C Bitstring Status List v1.0) and {@code StatusList2021Entry}
 *       (its W3C CCG predecessor), purpose revocation or suspension: the bit at {@code statusListIndex} of
 *       the list credential, whose own proof (Data Integrity eddsa-rdfc-2022, or a VC-JWT) must verify
 *       with a key the credential's issuer controls, and whose purpose must be the entry's;
 *   <li>{@code 1EdTechRevocationList}: the JSON list at the entry's id, which must name the same issuer,
 *       revokes the credential when its {@code revokedCredentials} name the credential's id. The list
 *       is not signed: it is trusted as the document its URL serves.
 * </ul>
 * Any other type cannot be checked, and since nobody can then tell whether the credential was revoked,
 * its check fails. At most {@link #MAX_ENTRIES} entries are checked.
 */
@Component
class CredentialStatuses {

    /** Each status entry costs a fetch and a proof check: a credential may not make us do many. */
    static final int MAX_ENTRIES = 4;

    private static final String BITSTRING = "BitstringStatusListEntry";
    private static final String STATUS_LIST_2021 = "StatusList2021Entry";
    private static final String REVOCATION_LIST = "1EdTechRevocationList";

    private final DocumentFetcher fetcher;
    private final ObjectMapper json = new ObjectMapper();
    /**
     * Status lists whose proof verified, by issuer and SHA-256 of their bytes: the same bytes verify the
     * same way, so a list read again unchanged (every verification of that issuer's credentials) is not
     * canonicalised and checked again. A changed list has other bytes and is checked afresh.
     */
    private final Cache<String, JsonNode> verifiedLists;

    CredentialStatuses(DocumentFetcher fetcher) {
        this.fetcher = fetcher;
        this.verifiedLists = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(fetcher.cacheTtl()).build();
    }

    void check(JsonNode credential, String issuer, FetchBudget budget, VerificationResult.Builder result) {
        JsonNode status = credential.path("credentialStatus");
        if (status.isMissingNode() || status.isNull()) {
            result.check("not revoked", true, "the credential has no credentialStatus");
            return;
        }
        List<JsonNode> entries = new ArrayList<>();
        if (status.isArray()) {
            status.forEach(entries::add);
        } else {
            entries.add(status);
        }
        if (entries.size() > MAX_ENTRIES) {
            result.check("not revoked", false, entries.size() + " credentialStatus entries: at most "
                    + MAX_ENTRIES + " are checked");
            return;
        }
        for (JsonNode entry : entries) {
            String type = entry.path("type").asText("");
            switch (type) {
                case BITSTRING -> statusList(issuer, entry, budget, result, BitstringStatusList::decode,
                        "BitstringStatusListCredential");
                case STATUS_LIST_2021 -> statusList(issuer, entry, budget, result,
                        BitstringStatusList::decodeStatusList2021, "StatusList2021Credential");
                case REVOCATION_LIST -> revocationList(credential, issuer, entry, budget, result);
                default -> result.check("not revoked", false, "status type "
                        + (type.isEmpty() ? entry.path("type") : type)
                        + " is not supported: whether the credential was revoked cannot be told");
            }
        }
    }

    private void statusList(String issuer, JsonNode entry, FetchBudget budget, VerificationResult.Builder result,
                            Function<String, BitstringStatusList> decoder, String listType) {
        String purpose = entry.path("statusPurpose").asText("revocation");
        String name = "suspension".equals(purpose) ? "not suspended" : "not revoked";
        if (!"revocation".equals(purpose) && !"suspension".equals(purpose)) {
            result.check("status", false, "status purpose " + purpose + " is not supported");
            return;
        }
        String url = entry.path("statusListCredential").asText(null);
        int index;
        try {
            index = Integer.parseInt(entry.path("statusListIndex").asText(""));
        } catch (NumberFormatException e) {
            result.check(name, false, "statusListIndex is not a number: " + entry.path("statusListIndex"));
            return;
        }
        if (url == null) {
            result.check(name, false, "the entry names no statusListCredential");
            return;
        }
        JsonNode list;
        try {
            list = verifiedList(url, issuer, budget);
        } catch (FetchException e) {
            result.check(name, false, e.getMessage());
            return;
        }
        if (!list.path("type").toString().contains(listType)) {
            result.check(name, false, "the status list " + url + " is not a " + listType);
            return;
        }
        JsonNode subject = list.path("credentialSubject");
        String listPurpose = subject.path("statusPurpose").asText(purpose);
        if (!listPurpose.equals(purpose) && !subject.path("statusPurpose").toString().contains("\"" + purpose + "\"")) {
            result.check(name, false, "the status list " + url + " is for " + listPurpose + ", the entry for " + purpose);
            return;
        }
        BitstringStatusList bits;
        try {
            bits = decoder.apply(subject.path("encodedList").asText(""));
        } catch (RuntimeException e) {
            result.check(name, false, "the status list " + url + " cannot be decoded: " + e.getMessage());
            return;
        }
        if (index < 0 || index >= bits.size()) {
            result.check(name, false, "statusListIndex " + index + " is out of range: the list " + url + " has "
                    + bits.size() + " entries");
            return;
        }
        boolean set = bits.get(index);
        if (set && "revocation".equals(purpose)) {
            result.revoked(true);
        }
        result.check(name, !set, (set ? ("revocation".equals(purpose) ? "revoked" : "suspended") : "clear")
                + ": bit " + index + " of " + url);
    }

    /**
     * The status list credential at {@code url}, once its proof verified with a key {@code issuer}
     * controls: JSON-LD with a Data Integrity proof, or a VC-JWT.
     */
    private JsonNode verifiedList(String url, String issuer, FetchBudget budget) throws FetchException {
        DocumentFetcher.Fetched fetched;
        try {
            fetched = fetcher.fetch(url, budget);
        } catch (FetchException e) {
            throw new FetchException("status list not loaded: " + e.getMessage());
        }
        if (fetched.status() != 200) {
            throw new FetchException("status list " + url + " answered " + fetched.status());
        }
        String body = fetched.body().strip();
        String memo = issuer + "\n" + sha256(body);
        JsonNode known = verifiedLists.getIfPresent(memo);
        if (known != null) {
            return known;
        }
        VerificationKeys keys = new VerificationKeys(fetcher, budget);
        Verification proof;
        JsonNode list;
        if (body.startsWith("{")) {
            list = fetcher.parse(url, body);
            proof = DataIntegrity.verify(body, keys);
        } else {
            VcJwt.Header header;
            try {
                header = VcJwt.header(body);
            } catch (IllegalArgumentException e) {
                throw new FetchException("the status list " + url + " is neither JSON nor a VC-JWT");
            }
            VerificationKeys.Found key = keys.lookup(header.kid());
            if (key == null) {
                throw new FetchException("the status list " + url + " names no key that resolves (kid "
                        + header.kid() + keys.problem(header.kid()) + ")");
            }
            proof = VcJwt.verify(body, key.key());
            JsonNode payload = jwtPayload(url, body);
            list = payload.has("vc") ? payload.get("vc") : payload;
            if (proof.verified()) {
                proof = new Verification(proof.reason(), proof.detail(), header.kid(), proof.credential());
            }
        }
        if (!proof.verified()) {
            throw new FetchException("the status list " + url + " fails its proof: " + proof.reason() + ": "
                    + proof.detail() + keys.problem(proof.keyId()));
        }
        VerificationKeys.Found key = keys.found(proof.keyId());
        if (key == null || !VerificationKeys.controls(key.controller(), issuer)) {
            throw new FetchException("the status list " + url + " is not signed by a key of the issuer " + issuer
                    + (key == null || key.controller() == null ? "" : " (controller " + key.controller() + ")"));
        }
        verifiedLists.put(memo, list);
        return list;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode jwtPayload(String url, String compact) throws FetchException {
        String[] parts = compact.split("\\.", -1);
        try {
            return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new FetchException("the status list " + url + " has no JSON payload");
        }
    }

    private void revocationList(JsonNode credential, String issuer, JsonNode entry, FetchBudget budget,
                                VerificationResult.Builder result) {
        String url = entry.path("id").asText(null);
        String credentialId = credential.path("id").asText(null);
        if (url == null) {
            result.check("not revoked", false, "the 1EdTechRevocationList entry names no list (id)");
            return;
        }
        if (credentialId == null) {
            result.check("not revoked", false, "the credential has no id to look up in " + url);
            return;
        }
        JsonNode list;
        try {
            list = fetcher.json(url, budget);
        } catch (FetchException e) {
            result.check("not revoked", false, "revocation list not loaded: " + e.getMessage());
            return;
        }
        String listIssuer = list.path("issuer").isTextual() ? list.path("issuer").asText()
                : list.path("issuer").path("id").asText(null);
        if (listIssuer != null && !listIssuer.equals(issuer)) {
            result.check("not revoked", false, "the revocation list " + url + " is the issuer " + listIssuer
                    + "'s, not " + issuer + "'s");
            return;
        }
        for (JsonNode revoked : list.path("revokedCredentials")) {
            String id = revoked.isTextual() ? revoked.asText() : revoked.path("id").asText(null);
            if (credentialId.equals(id)) {
                result.revoked(true);
                String reason = revoked.path("revocationReason").asText("");
                result.check("not revoked", false, "revoked" + (reason.isEmpty() ? "" : ": " + reason)
                        + " (listed in " + url + ")");
                return;
            }
        }
        result.check("not revoked", true, "not listed in " + url);
    }
}
