-- Issue 9 (scale and speed): covering indexes found with EXPLAIN ANALYZE on the generated province
-- (scripts/province.ts: 3,000 schools, 150,000 members, 446,664 score sheets, 526,970
-- registrations). Each replaces an index of the same name and the same key columns, adding
-- INCLUDE columns so the queries below are answered from the index alone (index-only scans);
-- uniqueness, names and key columns are unchanged (tests/integration/drift.int.test.ts compares
-- key columns, and ON CONFLICT inference ignores INCLUDE columns).
--
-- ScoreSheet (periodId, memberId) + id: the sheets of a set of periods joined to their stages, by
--   sheet id. Serves the upper-unit dashboard (lib/dashboards/upper.ts, CTE "sheet"), the school
--   dashboard's progress per union group (lib/dashboards/school.ts) and the scoring period page.
--   Without it the planner read all ScoreSheet rows (Parallel Seq Scan, 446,664 rows, ~240 ms of
--   the upper dashboard's query for a unit of 100 schools); with it, 200 index-only scans (~15 ms).
DROP INDEX "ScoreSheet_periodId_memberId_key";
CREATE UNIQUE INDEX "ScoreSheet_periodId_memberId_key" ON "ScoreSheet"("periodId", "memberId") INCLUDE ("id");

-- Registration (schoolId, campaignId) + memberId: registered members of a set of schools and
--   campaigns, count(DISTINCT memberId). Serves the upper-unit dashboard (CTE "rg"), the school
--   dashboard's registered_pct measure and the eligibility facts (lib/awards/facts-loader.ts
--   registrationsOf): Bitmap Heap Scan → Index Only Scan.
DROP INDEX "Registration_schoolId_campaignId_idx";
CREATE INDEX "Registration_schoolId_campaignId_idx" ON "Registration"("schoolId", "campaignId") INCLUDE ("memberId");
