-- The badge-class page of the read API (AssertionViewStore.OF_BADGE_CLASS + LIMIT 21) on a random
-- badge class, to time the statement alone at 10k and at 1M (docs/benchmarks.md, #5). The badge
-- class ids come from a numbered copy made once per read database of bench/queries-at-scale.sh:
--   psql -h 127.0.0.1 -U postgres -c "CREATE TABLE bench_ids AS SELECT row_number() OVER (ORDER BY id) AS n, id
--     FROM badge_class_view; CREATE UNIQUE INDEX ON bench_ids (n); ANALYZE bench_ids" bench_query_1000000
--   pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 1 -T 15 -D classes=1000 \
--     -f bench/pgbench/badge-class-page.sql bench_query_1000000      (classes=100 on bench_query_10000)
-- Drop bench_ids afterwards. Whether PostgreSQL keeps a generic plan for the service's statement is
-- checked by PostgresQueryPlanTest.pageQueriesKeepACachedGenericPlan, not here.
\set n random(1, :classes)
SELECT a.id, a.badge_class_id, b.name, b.image, a.issuer_id, i.name, i.url, a.recipient_type, a.recipient_identity,
       a.recipient_hashed, a.recipient_salt, a.evidence, a.narrative, a.issued_on, a.expires, a.verification_type,
       a.revoked, a.revocation_reason, a.revoked_at, a.signature
  FROM assertion_view a
  LEFT JOIN badge_class_view b ON b.id = a.badge_class_id
  LEFT JOIN issuer_view i ON i.id = a.issuer_id
 WHERE a.badge_class_id = (SELECT id FROM bench_ids WHERE n = :n)
 ORDER BY a.issued_on DESC, a.id DESC LIMIT 21;
