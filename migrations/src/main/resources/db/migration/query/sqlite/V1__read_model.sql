-- Read model of the query side, rebuilt from the event stream.
-- last_seq is the aggregate sequence number of the last event applied to the row: an event whose
-- sequence is not newer than it is a replay or a duplicate and changes nothing.
CREATE TABLE issuer_view (
    id           VARCHAR(36)   PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    url          VARCHAR(2048) NOT NULL,
    email        VARCHAR(320)  NOT NULL,
    description  TEXT,
    image        VARCHAR(2048),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    last_seq     BIGINT        NOT NULL CHECK (last_seq >= 0)
);

CREATE TABLE badge_class_view (
    id                 VARCHAR(36)   PRIMARY KEY,
    issuer_id          VARCHAR(36)   NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    description        TEXT          NOT NULL,
    image              VARCHAR(2048),
    criteria_narrative TEXT,
    criteria_url       VARCHAR(2048),
    tags               TEXT          NOT NULL DEFAULT '[]',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    last_seq           BIGINT        NOT NULL CHECK (last_seq >= 0)
);
-- Badge classes of an issuer, oldest first, keyset on (created_at, id).
CREATE INDEX badge_class_view_issuer_idx ON badge_class_view (issuer_id, created_at, id);

-- No foreign keys here on purpose: with a partitioned event stream an assertion may be projected
-- before its badge class; readers join by primary key and tolerate the gap.
CREATE TABLE assertion_view (
    id                 VARCHAR(36)   PRIMARY KEY,
    badge_class_id     VARCHAR(36)   NOT NULL,
    issuer_id          VARCHAR(36)   NOT NULL,
    recipient_type     VARCHAR(16)   NOT NULL CHECK (recipient_type IN ('email')),
    recipient_identity VARCHAR(320)  NOT NULL,
    recipient_hashed   BOOLEAN       NOT NULL CHECK (recipient_hashed IN (0, 1)),
    recipient_salt     VARCHAR(64),
    evidence           TEXT          NOT NULL DEFAULT '[]',
    narrative          TEXT,
    verification_type  VARCHAR(16)   NOT NULL CHECK (verification_type IN ('hosted', 'signed')),
    issued_on          TEXT NOT NULL,
    expires            TEXT,
    revoked            BOOLEAN       NOT NULL CHECK (revoked IN (0, 1)),
    revocation_reason  TEXT,
    revoked_at         TEXT,
    last_seq           BIGINT        NOT NULL CHECK (last_seq >= 0),
    CHECK (expires IS NULL OR expires > issued_on)
);
-- Assertions of a badge class, newest first, keyset on (issued_on, id).
CREATE INDEX assertion_view_badge_class_idx ON assertion_view (badge_class_id, issued_on DESC, id DESC);
CREATE INDEX assertion_view_issuer_idx ON assertion_view (issuer_id);

-- Tokens of the projection's tracking processor, committed with the rows they cover.
CREATE TABLE projection_token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BLOB,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
