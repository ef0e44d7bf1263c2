-- Open Badges 3.0: the algorithm of each issuer key (RS256 for OB 2.0 signed assertions; Ed25519 for
-- Data Integrity proofs; ES256 for VC-JWTs), the format of each award, and the issuers' W3C Bitstring
-- Status Lists. Written once for both vendors.
ALTER TABLE issuer_key ADD COLUMN algorithm VARCHAR(10) NOT NULL DEFAULT 'RS256';
ALTER TABLE assertion ADD COLUMN format VARCHAR(3) NOT NULL DEFAULT 'ob2';

-- One row per list ("1", "2", ...): its size in bits, how many entries are handed out (a new list
-- is opened at half use, so random picks stay cheap), and the version of its content (bumped by each
-- revocation) against the version last signed and published. The publisher re-signs a list while
-- version > published_version. The row is also what serialises allocation per issuer (it is updated,
-- hence locked, by every allocating transaction).
CREATE TABLE status_list (
    issuer_id         VARCHAR(36) NOT NULL REFERENCES issuer (id),
    list_id           VARCHAR(10) NOT NULL,
    size              INTEGER     NOT NULL,
    allocated         INTEGER     NOT NULL DEFAULT 0,
    version           BIGINT      NOT NULL DEFAULT 1,
    published_version BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (issuer_id, list_id)
);

-- The index of each OB 3.0 award in its issuer's list (chosen at random among the free ones).
-- No foreign key to assertion: the entry is written before the award's row, in the same transaction.
CREATE TABLE status_list_entry (
    issuer_id    VARCHAR(36) NOT NULL,
    list_id      VARCHAR(10) NOT NULL,
    status_index INTEGER     NOT NULL,
    assertion_id VARCHAR(36) NOT NULL UNIQUE,
    revoked      BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (issuer_id, list_id, status_index),
    FOREIGN KEY (issuer_id, list_id) REFERENCES status_list (issuer_id, list_id)
);
