-- The SQL of one single award (POST /api/v1/assertions), as the command service sends it on
-- PostgreSQL (captured with BADGES_SLOW_QUERY_THRESHOLD=0ms): look up the badge class's issuer,
-- append the AssertionIssued event, insert the write-model row, commit. The UUIDs the service makes in
-- Java come from the first SELECT here, so the round trips are the same (plus pgbench's own BEGIN,
-- which the JDBC driver sends together with the first statement). Payload and metadata are passed as
-- parameters of the size the service sends (-D payload=... -D meta=...). Run with -M prepared.
-- Since 2026-12-03 the service remembers a badge class's issuer after its first award, so it no longer
-- sends the SELECT; here it stays, to draw the UUIDs: this baseline now makes one round trip more.
BEGIN;
SELECT issuer_id, gen_random_uuid()::text AS assertion_id, gen_random_uuid()::text AS event_id
  FROM badge_class WHERE id = :badge \gset
INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                payload_type, payload_revision, payload, meta_data)
  VALUES (:event_id, :assertion_id, 0, 'Assertion', :ts, 'io.badges.events.assertion.AssertionIssued', NULL,
          convert_to(:payload, 'UTF8'), convert_to(:meta, 'UTF8'));
INSERT INTO assertion (id, badge_class_id, issuer_id, recipient_type, recipient_identity, recipient_hashed,
                       recipient_salt, verification_type, issued_on, expires, revoked)
  VALUES (:assertion_id, :badge, :issuer_id, 'email', :identity, true, :salt, 'hosted', now(), NULL, false);
COMMIT;
