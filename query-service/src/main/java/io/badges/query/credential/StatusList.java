package io.badges.query.credential;

/**
 * The latest BitstringStatusListCredential of one list, as signed ({@code credential}), with what its
 * answer needs: its {@code ttl} in seconds and an ETag (the SHA-256 of its bytes).
 */
record StatusList(String credential, long maxAgeSeconds, String sha256) {

    int weight() {
        return 2 * credential.length() + 160;
    }
}
