package io.badges.credentials;

import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.Criteria;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.RecipientIdentity;
import io.badges.vocabulary.ob3.OpenBadges3;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Locale;

/**
 * A quick measurement, not a test: the cost of one eddsa-rdfc-2022 signature (two canonicalisations,
 * two hashes, one Ed25519 signature) and of one verification, on a credential of the shape we issue
 * (the vocabulary's OpenBadgeCredential with a hashed recipient, an image and a status entry), after a
 * warm-up. Run it by hand (see docs/ob3-credentials.md); it asserts nothing and no build runs it.
 */
public final class SigningCost {

    private SigningCost() {
    }

    public static void main(String[] args) {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        java.nio.file.Path dump = args.length > 2 ? java.nio.file.Path.of(args[2]) : null;
        KeyPair keys = IssuerKeys.generateEd25519();
        OpenBadges3 documents = new OpenBadges3(new PublicUrls("https://badges.example.org"));
        String credential = DataIntegrity.write(jakarta.json.Json.createObjectBuilder(documents.credential(
                new OpenBadges3.Issuer("i-1", "Example University", "https://example.org", "badges@example.org"),
                new OpenBadges3.Achievement("b-1", "Event Sourcing", "Builds an event-sourced service",
                        new Criteria("Ship a CQRS service with projections and replays", "https://example.org/es"),
                        "https://badges.example.org/public/badges/b-1/image"),
                new OpenBadges3.Award("c-1", new Recipient("email", RecipientIdentity.hash("learner@example.org", "s4lt"),
                        true, "s4lt"), Instant.parse("2026-12-02T10:00:00Z"), null, new OpenBadges3.StatusEntry("1", 4242))))
                .build());
        if (dump != null) {
            // the very credential, unsigned, for bench/ob3-signing.sh to give the reference signer
            try {
                java.nio.file.Files.writeString(dump, credential);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String method = documents.verificationMethod("i-1", "key-1");
        VerificationMethodResolver resolver = VerificationMethodResolver.of(method, keys.getPublic());
        Instant created = Instant.parse("2026-12-02T10:00:00Z");

        String signed = null;
        for (int i = 0; i < warmUp; i++) {
            signed = DataIntegrity.sign(credential, keys.getPrivate(), method, created);
            DataIntegrity.verify(signed, resolver);
        }

        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            signed = DataIntegrity.sign(credential, keys.getPrivate(), method, created);
        }
        long signing = System.nanoTime() - start;

        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            if (!DataIntegrity.verify(signed, resolver).verified()) {
                throw new IllegalStateException("a signature we made does not verify");
            }
        }
        long verifying = System.nanoTime() - start;

        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            DataIntegrity.canonicalize(credential);
        }
        long canonicalising = System.nanoTime() - start;

        byte[] data = new byte[64];
        start = System.nanoTime();
        try {
            java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
            for (int i = 0; i < rounds; i++) {
                ed25519.initSign(keys.getPrivate());
                ed25519.update(data);
                ed25519.sign();
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        long signatureOnly = System.nanoTime() - start;

        KeyPair p256 = IssuerKeys.generateP256();
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            VcJwt.sign(credential, p256.getPrivate(), method);
        }
        long jwt = System.nanoTime() - start;

        System.out.printf(Locale.ROOT, "%d rounds after %d warm-up, %d processors, %s%n", rounds, warmUp,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf(Locale.ROOT, "eddsa-rdfc-2022 sign:   %.2f ms each%n", signing / 1e6 / rounds);
        System.out.printf(Locale.ROOT, "eddsa-rdfc-2022 verify: %.2f ms each%n", verifying / 1e6 / rounds);
        System.out.printf(Locale.ROOT, "one canonicalisation:   %.2f ms each%n", canonicalising / 1e6 / rounds);
        System.out.printf(Locale.ROOT, "Ed25519 signature only: %.2f ms each%n", signatureOnly / 1e6 / rounds);
        System.out.printf(Locale.ROOT, "VC-JWT ES256 sign:      %.2f ms each%n", jwt / 1e6 / rounds);
        System.out.printf(Locale.ROOT, "RESULT signatures_per_s=%.0f ms_each=%.3f rounds=%d%n",
                rounds / (signing / 1e9), signing / 1e6 / rounds, rounds);
    }
}
