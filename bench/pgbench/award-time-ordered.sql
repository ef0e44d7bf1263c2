-- bench/pgbench/award.sql with time-ordered identifiers (UUID version 7, as TimeOrderedIds makes them):
-- 48 bits of clock_timestamp() milliseconds, then the random bits of gen_random_uuid(). Run both in turn
-- on copies of one database to compare random and time-ordered keys (WAL bytes and full-page images from
-- pg_stat_wal, PostgreSQL's CPU per transaction): docs/benchmarks.md, "Projection lag", 18:30-20:05Z.
BEGIN;
SELECT issuer_id,
       substr(clock_ms, 1, 8) || '-' || substr(clock_ms, 9, 4) || '-7' || substr(a, 16, 3) || substr(a, 19) AS assertion_id,
       substr(clock_ms, 1, 8) || '-' || substr(clock_ms, 9, 4) || '-7' || substr(e, 16, 3) || substr(e, 19) AS event_id
  FROM badge_class,
       LATERAL (SELECT lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') AS clock_ms,
                       gen_random_uuid()::text AS a, gen_random_uuid()::text AS e) ids
 WHERE id = :badge \gset
INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                payload_type, payload_revision, payload, meta_data)
  VALUES (:event_id, :assertion_id, 0, 'Assertion', :ts, 'io.badges.events.assertion.AssertionIssued', NULL,
          convert_to(:payload, 'UTF8'), convert_to(:meta, 'UTF8'));
INSERT INTO assertion (id, badge_class_id, issuer_id, recipient_type, recipient_identity, recipient_hashed,
                       recipient_salt, verification_type, issued_on, expires, revoked)
  VALUES (:assertion_id, :badge, :issuer_id, 'email', :identity, true, :salt, 'hosted', now(), NULL, false);
COMMIT;
