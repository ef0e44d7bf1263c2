-- Published issuer keys (public halves only), one row per key; rotation keeps old keys.
CREATE TABLE issuer_key_view (
    id             VARCHAR(36)  PRIMARY KEY,
    issuer_id      VARCHAR(36)  NOT NULL,
    public_key_pem TEXT         NOT NULL,
    created_at     TEXT         NOT NULL
);
CREATE INDEX issuer_key_view_issuer_idx ON issuer_key_view (issuer_id, created_at);

-- Compact JWS of signed awards.
ALTER TABLE assertion_view ADD COLUMN signature TEXT;

-- An issuer's revocation list: only the revoked few of its assertions.
CREATE INDEX assertion_view_revoked_idx ON assertion_view (issuer_id, id) WHERE revoked;
