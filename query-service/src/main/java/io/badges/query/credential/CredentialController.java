package io.badges.query.credential;

import io.badges.query.NotFound;
import io.badges.vocabulary.PublicUrls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * OB 3.0 documents, served as the stored bytes, from the caches: an award's credential (JSON-LD and
 * VC-JWT) and an issuer's status lists.
 *
 * <p>Media type: {@code application/vc}, the type the W3C VCDM 2.0 Recommendation (May 2025, its
 * media types and IANA registration) gives a credential in its JSON-LD form, here secured by an
 * embedded proof; {@code application/vc+ld+json} was the name in its drafts and is gone from the
 * Recommendation. OB 3.0 names no type for a hosted credential (its files are plain JSON). Status
 * list credentials are credentials too, so they get the same type. No charset parameter: JSON-LD is
 * UTF-8, and these are the stored bytes. The VC-JWT is {@code text/plain}, as the OB 2.0
 * JWS is here: {@code application/vc+jwt} (VC-JOSE-COSE) would claim {@code typ vc+jwt} and an
 * unwrapped VCDM 2.0 payload, whereas OB 3.0's VC-JWT carries {@code typ JWT}.
 */
@RestController
class CredentialController {

    static final MediaType VC = MediaType.parseMediaType("application/vc");

    private final CredentialStore credentials;
    private final StatusListStore statusLists;

    CredentialController(CredentialStore credentials, StatusListStore statusLists) {
        this.credentials = credentials;
        this.statusLists = statusLists;
    }

    /** Served even once revoked: the credential's status list says so, as a verifier will check. */
    @GetMapping(PublicUrls.CREDENTIAL)
    ResponseEntity<byte[]> credential(@PathVariable String id) {
        Credential credential = credentials.find(id).orElseThrow(() -> new NotFound("credential", id));
        return ResponseEntity.ok().contentType(VC).body(credential.json().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(PublicUrls.CREDENTIAL_JWT)
    ResponseEntity<byte[]> jwt(@PathVariable String id) {
        Credential credential = credentials.find(id).filter(c -> c.jwt() != null)
                .orElseThrow(() -> new NotFound("credential", id));
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .body(credential.jwt().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The latest list. Its ttl says how long a verifier may keep it (Bitstring Status List v1.0, which asks
     * publishers to align HTTP caching with it): max-age follows it. Spring answers a GET whose
     * If-None-Match names the ETag with 304.
     */
    @GetMapping(PublicUrls.ISSUER_STATUS_LIST)
    ResponseEntity<byte[]> statusList(@PathVariable("id") String issuerId, @PathVariable String listId) {
        StatusList list = statusLists.find(issuerId, listId)
                .orElseThrow(() -> new NotFound("status list", issuerId + "/" + listId));
        return ResponseEntity.ok()
                .contentType(VC)
                .eTag("\"" + list.sha256() + "\"")
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(list.maxAgeSeconds())).cachePublic())
                .body(list.credential().getBytes(StandardCharsets.UTF_8));
    }
}
