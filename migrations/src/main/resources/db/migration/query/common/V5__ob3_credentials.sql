-- Open Badges 3.0. An award keeps its format; an OB 3.0 one keeps its signed credential exactly as
-- issued, served byte for byte at /credentials/{id} (JSON-LD with its Data Integrity proof) and
-- /credentials/{id}.jwt (VC-JWT). Earlier rows are OB 2.0 awards: the default says so.
ALTER TABLE assertion_view ADD COLUMN format VARCHAR(3) NOT NULL DEFAULT 'ob2' CHECK (format IN ('ob2', 'ob3'));
ALTER TABLE assertion_view ADD COLUMN credential TEXT;
ALTER TABLE assertion_view ADD COLUMN credential_jwt TEXT;

-- What a key signs: RS256 (OB 2.0 JWS, every key published before schema 5), Ed25519 (Data Integrity
-- proofs) or ES256 (VC-JWTs). The DID document lists the last two.
ALTER TABLE issuer_key_view ADD COLUMN algorithm VARCHAR(10) NOT NULL DEFAULT 'RS256';

-- The latest signed BitstringStatusListCredential of each of an issuer's status lists. version grows
-- with each publication of a list: an upsert keeps the highest, so a replayed older one changes nothing.
-- last_seq: the issuer stream's sequence of the event that wrote the row.
CREATE TABLE status_list_view (
    issuer_id   VARCHAR(36)   NOT NULL,
    list_id     VARCHAR(64)   NOT NULL,
    version     BIGINT        NOT NULL CHECK (version >= 0),
    credential  TEXT          NOT NULL,
    updated_at  ${timestamp}  NOT NULL,
    last_seq    BIGINT        NOT NULL CHECK (last_seq >= 0),
    PRIMARY KEY (issuer_id, list_id)
);
