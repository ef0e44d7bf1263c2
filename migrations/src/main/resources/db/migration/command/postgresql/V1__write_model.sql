-- Write model of the command side. Rows are written in the same transaction as their events.
CREATE TABLE issuer (
    id           VARCHAR(36)   PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    url          VARCHAR(2048) NOT NULL,
    email        VARCHAR(320)  NOT NULL,
    description  TEXT,
    image        VARCHAR(2048),
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    CHECK (updated_at >= created_at)
);

CREATE TABLE badge_class (
    id                 VARCHAR(36)   PRIMARY KEY,
    issuer_id          VARCHAR(36)   NOT NULL REFERENCES issuer (id),
    name               VARCHAR(200)  NOT NULL,
    description        TEXT          NOT NULL,
    image              VARCHAR(2048),
    criteria_narrative TEXT,
    criteria_url       VARCHAR(2048),
    tags               TEXT          NOT NULL DEFAULT '[]',
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    CHECK (criteria_narrative IS NOT NULL OR criteria_url IS NOT NULL),
    CHECK (updated_at >= created_at)
);
CREATE INDEX badge_class_issuer_idx ON badge_class (issuer_id);

CREATE TABLE assertion (
    id                 VARCHAR(36)   PRIMARY KEY,
    badge_class_id     VARCHAR(36)   NOT NULL REFERENCES badge_class (id),
    issuer_id          VARCHAR(36)   NOT NULL REFERENCES issuer (id),
    recipient_type     VARCHAR(16)   NOT NULL CHECK (recipient_type IN ('email')),
    recipient_identity VARCHAR(320)  NOT NULL,
    recipient_hashed   BOOLEAN       NOT NULL,
    recipient_salt     VARCHAR(64),
    verification_type  VARCHAR(16)   NOT NULL CHECK (verification_type IN ('hosted', 'signed')),
    issued_on          TIMESTAMPTZ   NOT NULL,
    expires            TIMESTAMPTZ,
    revoked            BOOLEAN       NOT NULL DEFAULT FALSE,
    revocation_reason  TEXT,
    revoked_at         TIMESTAMPTZ,
    CHECK (expires IS NULL OR expires > issued_on),
    CHECK ((revoked AND revoked_at IS NOT NULL) OR (NOT revoked AND revoked_at IS NULL))
);
CREATE INDEX assertion_badge_class_idx ON assertion (badge_class_id);
CREATE INDEX assertion_issuer_idx ON assertion (issuer_id);

-- Idempotency-Key replay: scoped to the client (hash of its API key), remembers the request's
-- fingerprint so a different body under the same key is refused instead of silently replayed.
CREATE TABLE idempotency_key (
    client_id     VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    assertion_id  VARCHAR(36)  NOT NULL REFERENCES assertion (id),
    response_body TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (client_id, idem_key)
);
CREATE INDEX idempotency_key_assertion_idx ON idempotency_key (assertion_id);
