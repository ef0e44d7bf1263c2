package io.badges.credentials;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import io.badges.credentials.Verification.Reason;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Embedded proofs of W3C Data Integrity with the {@code eddsa-rdfc-2022} cryptosuite (W3C "Data
 * Integrity EdDSA Cryptosuites v1.0", section 3.2), the Linked Data proof of Open Badges 3.0.
 *
 * <p>Signing: the proof options ({@code type}, {@code cryptosuite}, {@code created},
 * {@code verificationMethod}, {@code proofPurpose}) are given the credential's {@code @context}; the
 * data to sign is SHA-256 of the RDFC-1.0 canonical N-Quads of those options followed by SHA-256 of the
 * canonical N-Quads of the credential without proof; the Ed25519 signature of it, {@code z}-base58btc,
 * is the {@code proofValue}. JSON-LD contexts come from {@link Contexts} only; a term no context
 * defines is an error (the "safe mode" of the reference implementations), not silently dropped.
 *
 * <p>All methods are thread-safe.
 */
public final class DataIntegrity {

    public static final String PROOF_TYPE = "DataIntegrityProof";
    public static final String CRYPTOSUITE = "eddsa-rdfc-2022";
    public static final String ASSERTION_METHOD = "assertionMethod";

    /** Upper bound on one canonicalisation, against documents built to make RDFC-1.0 explode. */
    static final Duration CANONICALIZATION_BUDGET = Duration.ofSeconds(5);

    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());
    private static final String CONTEXT = "@context";
    private static final String PROOF = "proof";
    private static final String PROOF_VALUE = "proofValue";

    private DataIntegrity() {
    }

    /**
     * The credential with an embedded {@code eddsa-rdfc-2022} {@code DataIntegrityProof} for
     * {@code assertionMethod}, as compact JSON with the credential's members in their given order.
     *
     * @param credentialJson     a JSON-LD credential without {@code proof}, every context known to {@link Contexts}
     * @param privateKey         an Ed25519 private key
     * @param verificationMethod the URL of the matching public key, e.g. {@code did:web:...#key-1}
     * @param created            the proof's creation time (kept to the second)
     * @throws IllegalArgumentException when the credential is not a JSON object, already has a proof,
     *                                  cannot be canonicalised, or the key is not Ed25519
     */
    public static String sign(String credentialJson, PrivateKey privateKey, String verificationMethod,
                              Instant created) {
        JsonObject credential = parse(credentialJson)
                .orElseThrow(() -> new IllegalArgumentException("the credential is not a JSON object"));
        if (credential.containsKey(PROOF)) {
            throw new IllegalArgumentException("the credential already carries a proof");
        }
        JsonObject options = Json.createObjectBuilder()
                .add("type", PROOF_TYPE)
                .add("cryptosuite", CRYPTOSUITE)
                .add("created", created.truncatedTo(ChronoUnit.SECONDS).toString())
                .add("verificationMethod", verificationMethod)
                .add("proofPurpose", ASSERTION_METHOD)
                .build();
        byte[] signature;
        try {
            signature = ed25519Sign(privateKey, hashData(withContext(options, credential), credential));
        } catch (Uncanonicalizable e) {
            throw new IllegalArgumentException("cannot canonicalise the credential: " + e.getMessage(), e);
        }
        JsonObject proof = Json.createObjectBuilder(options).add(PROOF_VALUE, Multibase.base58btc(signature)).build();
        return write(Json.createObjectBuilder(credential).add(PROOF, proof).build());
    }

    /** {@link #sign(String, PrivateKey, String, Instant)} of a document built as maps and lists. */
    public static String sign(Map<String, ?> credential, PrivateKey privateKey, String verificationMethod,
                              Instant created) {
        return sign(write(Json.createObjectBuilder(map(credential)).build()), privateKey, verificationMethod, created);
    }

    /** Verifies the document's {@code assertionMethod} proof. */
    public static Verification verify(String securedJson, VerificationMethodResolver keys) {
        return verify(securedJson, keys, ASSERTION_METHOD);
    }

    /**
     * Verifies the document's {@code eddsa-rdfc-2022} proof. With several proofs (a proof set), the
     * document is verified when one of them is (OB 3.0 section 8.1); otherwise the first failure is told.
     */
    public static Verification verify(String securedJson, VerificationMethodResolver keys, String proofPurpose) {
        Optional<JsonObject> parsed = parse(securedJson);
        if (parsed.isEmpty()) {
            return Verification.failed(Reason.MALFORMED, "not a JSON object", null, null);
        }
        JsonObject secured = parsed.get();
        JsonValue proofValue = secured.get(PROOF);
        if (proofValue == null) {
            return Verification.failed(Reason.NO_PROOF, "the document has no proof", null, securedJson);
        }
        List<JsonValue> proofs = proofValue instanceof JsonArray array ? array : List.of(proofValue);
        if (proofs.isEmpty()) {
            return Verification.failed(Reason.NO_PROOF, "the document's proof is empty", null, securedJson);
        }
        JsonObject unsecured = Json.createObjectBuilder(secured).remove(PROOF).build();
        DocumentHash documentHash = new DocumentHash(unsecured);
        Verification first = null;
        for (JsonValue proof : proofs) {
            Verification result = verifyOne(proof, secured, documentHash, keys, proofPurpose, securedJson);
            if (result.verified()) {
                return result;
            }
            first = first == null ? result : first;
        }
        return first;
    }

    /**
     * The RDFC-1.0 canonical N-Quads of a JSON-LD document, contexts from {@link Contexts} only.
     *
     * @throws IllegalArgumentException when it is not a JSON object or cannot be canonicalised
     */
    public static String canonicalize(String json) {
        try {
            return nquads(parse(json).orElseThrow(() -> new IllegalArgumentException("not a JSON object")));
        } catch (Uncanonicalizable e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Verification verifyOne(JsonValue value, JsonObject secured, DocumentHash documentHash,
                                          VerificationMethodResolver keys, String purpose, String securedJson) {
        if (!(value instanceof JsonObject proof)) {
            return Verification.failed(Reason.MALFORMED, "a proof is not an object", null, securedJson);
        }
        String method = string(proof, "verificationMethod");
        if (!PROOF_TYPE.equals(string(proof, "type"))) {
            return Verification.failed(Reason.WRONG_PROOF_TYPE,
                    "proof type is " + proof.get("type") + ", not " + PROOF_TYPE, method, securedJson);
        }
        if (!CRYPTOSUITE.equals(string(proof, "cryptosuite"))) {
            return Verification.failed(Reason.WRONG_CRYPTOSUITE,
                    "cryptosuite is " + proof.get("cryptosuite") + ", not " + CRYPTOSUITE, method, securedJson);
        }
        if (!purpose.equals(string(proof, "proofPurpose"))) {
            return Verification.failed(Reason.WRONG_PROOF_PURPOSE,
                    "proof purpose is " + proof.get("proofPurpose") + ", not " + purpose, method, securedJson);
        }
        if (method == null) {
            return Verification.failed(Reason.MALFORMED, "the proof names no verificationMethod", null, securedJson);
        }
        String created = string(proof, "created");
        if (proof.containsKey("created") && (created == null || !isDateTime(created))) {
            return Verification.failed(Reason.MALFORMED, "created is not a date-time", method, securedJson);
        }
        if (proof.containsKey(CONTEXT) && !startsWith(secured.get(CONTEXT), proof.get(CONTEXT))) {
            return Verification.failed(Reason.CONTEXT_MISMATCH,
                    "the proof's @context is not the start of the document's", method, securedJson);
        }
        byte[] signature;
        try {
            String encoded = string(proof, PROOF_VALUE);
            if (encoded == null || encoded.isEmpty() || encoded.charAt(0) != Multibase.BASE58BTC) {
                throw new IllegalArgumentException("proofValue is not z-base58btc");
            }
            signature = Multibase.decode(encoded);
            if (signature.length != 64) {
                throw new IllegalArgumentException("an Ed25519 signature has 64 bytes, not " + signature.length);
            }
        } catch (IllegalArgumentException e) {
            return Verification.failed(Reason.BAD_PROOF_VALUE, e.getMessage(), method, securedJson);
        }
        Optional<PublicKey> key = keys.resolve(method);
        if (key.isEmpty()) {
            return Verification.failed(Reason.UNKNOWN_KEY, "no key known for " + method, method, securedJson);
        }
        JsonObject options = Json.createObjectBuilder(proof).remove(PROOF_VALUE).build();
        byte[] data;
        try {
            data = concat(sha256(nquads(withContext(options, secured))), documentHash.get());
        } catch (Uncanonicalizable e) {
            return Verification.failed(e.reason, e.getMessage(), method, securedJson);
        }
        Signature verifier;
        try {
            verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.get());
        } catch (GeneralSecurityException e) {
            return Verification.failed(Reason.UNKNOWN_KEY, "the key of " + method + " is not an Ed25519 key", method,
                    securedJson);
        }
        if (!ed25519Verify(verifier, data, signature)) {
            return Verification.failed(Reason.SIGNATURE_MISMATCH,
                    "the signature does not match the document and proof options under " + method, method, securedJson);
        }
        return Verification.verified(method, securedJson);
    }

    /** SHA-256(canonical proof configuration) || SHA-256(canonical document): the bytes that are signed. */
    static byte[] hashData(JsonObject proofConfig, JsonObject unsecured) throws Uncanonicalizable {
        return concat(proofConfigHash(proofConfig), sha256(nquads(unsecured)));
    }

    /**
     * The proof options of one issuer's credentials signed in the same second are the same document
     * (context, type, created, verification method): a batch of 10,000 awards canonicalises them once,
     * not 10,000 times. A pure function of the options' JSON, so the memo can never be wrong; bounded.
     */
    private static final Map<String, byte[]> PROOF_CONFIG_HASHES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int PROOF_CONFIG_MEMO = 256;

    private static byte[] proofConfigHash(JsonObject proofConfig) throws Uncanonicalizable {
        String key = write(proofConfig);
        byte[] known = PROOF_CONFIG_HASHES.get(key);
        if (known != null) {
            return known;
        }
        byte[] hash = sha256(nquads(proofConfig));
        if (PROOF_CONFIG_HASHES.size() >= PROOF_CONFIG_MEMO) {
            PROOF_CONFIG_HASHES.clear();
        }
        PROOF_CONFIG_HASHES.put(key, hash);
        return hash;
    }

    static String nquads(JsonObject document) throws Uncanonicalizable {
        JsonLdOptions options = new JsonLdOptions(Contexts.loader());
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        options.setTimeout(CANONICALIZATION_BUDGET);
        RdfCanon canon = RdfCanon.create("SHA-256", new RdfCanonTimeTicker(CANONICALIZATION_BUDGET.toMillis()));
        try {
            JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(canon);
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (JsonLdError e) {
            throw Uncanonicalizable.of(e);
        } catch (RdfConsumerException | IllegalStateException e) {
            throw new Uncanonicalizable(Reason.CANONICALIZATION_FAILED, "canonicalisation failed: " + e.getMessage(), e);
        }
    }

    static Optional<JsonObject> parse(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try (var reader = READERS.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    static String write(JsonObject object) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static JsonObject withContext(JsonObject options, JsonObject document) {
        JsonObjectBuilder config = Json.createObjectBuilder();
        if (document.containsKey(CONTEXT)) {
            config.add(CONTEXT, document.get(CONTEXT));
        }
        options.forEach((name, value) -> {
            if (!CONTEXT.equals(name)) {
                config.add(name, value);
            }
        });
        return config.build();
    }

    private static boolean startsWith(JsonValue documentContext, JsonValue proofContext) {
        List<JsonValue> whole = asList(documentContext);
        List<JsonValue> start = asList(proofContext);
        return start.size() <= whole.size() && whole.subList(0, start.size()).equals(start);
    }

    private static List<JsonValue> asList(JsonValue value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof JsonArray array ? array : List.of(value);
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A signature that is not even a valid Ed25519 encoding (the JDK throws) is a mismatch like any other. */
    private static boolean ed25519Verify(Signature verifier, byte[] data, byte[] signature) {
        try {
            verifier.update(data);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        }
    }

    private static byte[] ed25519Sign(PrivateKey key, byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm(), e);
        }
    }

    static byte[] sha256(String nquads) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(nquads.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The hash of the unsecured document, computed once for all the proofs of a proof set. */
    private static final class DocumentHash {
        private final JsonObject unsecured;
        private byte[] hash;

        DocumentHash(JsonObject unsecured) {
            this.unsecured = unsecured;
        }

        byte[] get() throws Uncanonicalizable {
            if (hash == null) {
                hash = sha256(nquads(unsecured));
            }
            return hash;
        }
    }

    static final class Uncanonicalizable extends Exception {
        private static final long serialVersionUID = 1L;
        final Reason reason;

        Uncanonicalizable(Reason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        static Uncanonicalizable of(JsonLdError e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String message = t.getMessage();
                if (message != null && message.contains("unknown JSON-LD context")) {
                    return new Uncanonicalizable(Reason.UNKNOWN_CONTEXT, message, e);
                }
            }
            return switch (e.getCode()) {
                case LOADING_DOCUMENT_FAILED, LOADING_REMOTE_CONTEXT_FAILED, INVALID_REMOTE_CONTEXT ->
                        new Uncanonicalizable(Reason.UNKNOWN_CONTEXT, "a JSON-LD context cannot be loaded: "
                                + e.getMessage(), e);
                default -> new Uncanonicalizable(Reason.CANONICALIZATION_FAILED,
                        "invalid JSON-LD (" + e.getCode() + "): " + e.getMessage(), e);
            };
        }
    }
}
