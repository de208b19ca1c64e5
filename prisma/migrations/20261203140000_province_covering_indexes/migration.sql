-- Issue 9 (scale and speed), found with EXPLAIN (ANALYZE, BUFFERS) on the generated province
-- (scripts/province.ts: 3,000 schools, 150,000 members, 12,090 campaigns, 12,000 nomination
-- packages, 321,227 nomination items) for the upper-unit dashboard (lib/dashboards/upper.ts) of a
-- unit of 100 schools. Covering indexes: the dashboard's reads become index-only scans.
--
-- Member (schoolId, status) + id: the members not gone of a set of schools (CTEs "mem" and "rg"),
--   the school dashboard's member counts and the member lists: Bitmap Heap Scan over the Member
--   heap → Index Only Scan.
CREATE INDEX "Member_schoolId_status_idx" ON "Member"("schoolId", "status") INCLUDE ("id");

-- Campaign (schoolYearId) + id: the campaigns of the two years joined to the registrations (CTE
--   "rg"): a Seq Scan of every campaign row (wide rows: names, descriptions) → Index Only Scan.
CREATE INDEX "Campaign_schoolYearId_idx" ON "Campaign"("schoolYearId") INCLUDE ("id");

-- NominationPackage (schoolYearId) + id: the packages of the two years joined to the items (CTE
--   "nm"): Seq Scan → Index Only Scan.
CREATE INDEX "NominationPackage_schoolYearId_idx" ON "NominationPackage"("schoolYearId") INCLUDE ("id");

-- NominationItem (schoolId) + packageId, status: the items of a set of schools with their package
--   and status (CTE "nm"): Bitmap Heap Scan → Index Only Scan. Same name and key columns as the
--   index it replaces (tests/integration/drift.int.test.ts compares key columns).
DROP INDEX "NominationItem_schoolId_idx";
CREATE INDEX "NominationItem_schoolId_idx" ON "NominationItem"("schoolId") INCLUDE ("packageId", "status");
