-- Issuer signing keys. The private key is sealed (AES-256-GCM) with the key-encryption key from the
-- environment; only the public half is ever published or put in an event.
CREATE TABLE issuer_key (
    id                 VARCHAR(36)  PRIMARY KEY,
    issuer_id          VARCHAR(36)  NOT NULL REFERENCES issuer (id),
    public_key_pem     TEXT         NOT NULL,
    private_key_sealed TEXT         NOT NULL,
    created_at         TEXT         NOT NULL
);
-- The newest key of an issuer signs.
CREATE INDEX issuer_key_issuer_idx ON issuer_key (issuer_id, created_at DESC);
