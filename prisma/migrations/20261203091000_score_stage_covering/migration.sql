-- Issue 9 (scale and speed), found with EXPLAIN (ANALYZE, BUFFERS) on the generated province
-- (scripts/province.ts: 1,245,866 score stages, a 930 MB table because each row carries its
-- scores as JSON). The upper-unit dashboard (lib/dashboards/upper.ts, CTE "sheet") and the school
-- dashboard (lib/dashboards/school.ts, progress per group and council results) join each sheet to
-- its stage by ("sheetId", stage) and read only "complete" and "classification": with the plain
-- key the planner fetched every stage row from the heap (10,024 random reads of the 930 MB table
-- for a unit of 100 schools, most of the dashboard's time); with these INCLUDE columns the join is
-- an index-only scan. Same name, same unique key columns (tests/integration/drift.int.test.ts
-- compares key columns; ON CONFLICT inference ignores INCLUDE columns).
DROP INDEX "ScoreStage_sheetId_stage_key";
CREATE UNIQUE INDEX "ScoreStage_sheetId_stage_key" ON "ScoreStage"("sheetId", "stage") INCLUDE ("complete", "classification");
