-- Province generator step 5: scales (30 criteria, adopted), campaigns, rounds, registrations,
-- scoring periods, score sheets and stage scores at every stage, appeals.
--  - 2024–2025, 2025–2026: each school's "Hai tốt" campaign (closed) and its year period (closed),
--    every sheet scored at the three stages (self, group, council);
--  - 2026–2027: the "Hai tốt" campaign open for registration (50–100% registered so far) and the
--    20/11 drive, whose period is at a different stage in each school (10% self-assessment, 15%
--    group scoring, 25% council review, 20% appeals, 30% closed) with the stages entered so far;
--  - each upper unit's women's campaign "Giỏi việc trường – Đảm việc nhà" every year.
-- Stage numbers come from province_gen.variant (computed by lib/scoring/rules.ts).

INSERT INTO "ScoringScale" ("id", "schoolId", "schoolYearId", "name", "copiedFromId", "updatedAt")
SELECT 'pv_scl_' || substr(s.id, 5) || '_' || y.y, s.id, y.id, 'Biểu điểm thi đua năm học ' || y.label,
       CASE WHEN y.y > 1 THEN 'pv_scl_' || substr(s.id, 5) || '_' || (y.y - 1) END, now()
FROM province_gen.school s CROSS JOIN province_gen.year y;

INSERT INTO "ScaleVersion" ("id", "scaleId", "number", "definition", "checksum", "adoptedOn", "resolutionNo", "adoptedAt", "adoptedById", "updatedAt")
SELECT 'pv_sv_' || substr(s.id, 5) || '_' || y.y, 'pv_scl_' || substr(s.id, 5) || '_' || y.y, 1, p.scale, p.scale_checksum,
       make_date(y.start_year, 10, 1 + s.i % 10), (1 + s.i % 5) || '/NQ-HNVC', make_date(y.start_year, 10, 1 + s.i % 10)::timestamp, 'pv_usr_c' || substr(s.id, 5), now()
FROM province_gen.school s CROSS JOIN province_gen.year y CROSS JOIN province_gen.p p;

CREATE TEMP TABLE pv_per ON COMMIT DROP AS
SELECT s.id AS sid, s.i, y.y, y.id AS yid,
       CASE WHEN y.closed THEN 'CLOSED'
            WHEN province_gen.r(s.i, 60) < 0.10 THEN 'SELF_ASSESSMENT'
            WHEN province_gen.r(s.i, 60) < 0.25 THEN 'GROUP_SCORING'
            WHEN province_gen.r(s.i, 60) < 0.50 THEN 'COUNCIL_REVIEW'
            WHEN province_gen.r(s.i, 60) < 0.70 THEN 'APPEALS'
            ELSE 'CLOSED' END AS state
FROM province_gen.school s CROSS JOIN province_gen.year y;
ANALYZE pv_per;

INSERT INTO "Campaign" ("id", "schoolId", "organisationId", "schoolYearId", "name", "movement", "description", "audience", "titles", "scaleId", "registrationDeadline", "state", "updatedAt")
SELECT 'pv_cmp_' || substr(s.id, 5) || '_' || y.y, s.id, NULL::text, y.id, 'Thi đua “Dạy tốt – Học tốt” năm học ' || y.label, 'HAI_TOT'::"Movement",
       'Chỉ tiêu: 100% đoàn viên đăng ký thi đua; ≥ 80% đạt Lao động tiên tiến.', 'ALL_MEMBERS'::"CampaignAudience", ARRAY['LDTT', 'CSTDCS', 'TT_LDTT'],
       'pv_scl_' || substr(s.id, 5) || '_' || y.y, make_date(y.start_year, 10, 15), CASE WHEN y.closed THEN 'CLOSED' ELSE 'OPEN' END::"CampaignState", now()
FROM province_gen.school s CROSS JOIN province_gen.year y
UNION ALL
SELECT 'pv_cmpd_' || substr(p.sid, 5), p.sid, NULL, p.yid, 'Đợt thi đua chào mừng Ngày Nhà giáo Việt Nam 20/11/2026', 'HAI_TOT', NULL, 'ALL_MEMBERS', ARRAY['LDTT'],
       'pv_scl_' || substr(p.sid, 5) || '_3', DATE '2026-09-20', CASE WHEN p.state = 'CLOSED' THEN 'CLOSED' ELSE 'SCORING' END::"CampaignState", now()
FROM pv_per p WHERE p.y = 3
UNION ALL
SELECT 'pv_cmpu_' || substr(u.id, 4) || '_' || y.y, NULL, u.id, y.id, '“Giỏi việc trường – Đảm việc nhà” năm học ' || y.label, 'GIOI_VIEC_TRUONG', NULL, 'WOMEN', ARRAY['GVT_DVN'],
       NULL, make_date(y.start_year, 12, 15), CASE WHEN y.closed THEN 'CLOSED' ELSE 'OPEN' END::"CampaignState", now()
FROM province_gen.unit u CROSS JOIN province_gen.year y;

INSERT INTO "CampaignRound" ("id", "campaignId", "name", "startsOn", "endsOn", "position")
SELECT 'pv_rnd_' || substr(s.id, 5) || '_' || y.y || '_' || r.pos, 'pv_cmp_' || substr(s.id, 5) || '_' || y.y, r.name,
       make_date(y.start_year + r.dy1, r.m1, r.d1), make_date(y.start_year + r.dy2, r.m2, r.d2), r.pos
FROM province_gen.school s CROSS JOIN province_gen.year y CROSS JOIN (VALUES
  (0, 'Đợt 1: chào mừng Ngày Nhà giáo Việt Nam 20/11', 0, 9, 5, 0, 11, 20),
  (1, 'Đợt 2: mừng Đảng, mừng Xuân', 0, 11, 21, 1, 2, 3),
  (2, 'Đợt 3: chào mừng 30/4 – 1/5 và 19/5', 1, 2, 4, 1, 5, 19)
) AS r(pos, name, dy1, m1, d1, dy2, m2, d2);

-- Members who are not LEFT, with their school (the people registrations and sheets are about).
CREATE TEMP TABLE pv_mem ON COMMIT DROP AS
SELECT m."id" AS mid, substr(m."id", 5)::int AS mi, s.id AS sid, s.i, s.k, m."gender"::text AS gender
FROM "Member" m JOIN province_gen.school s ON s.id = m."schoolId" WHERE m."status" <> 'LEFT';
CREATE INDEX ON pv_mem (sid);
ANALYZE pv_mem;

INSERT INTO "Registration" ("id", "campaignId", "schoolId", "subjectKey", "memberId", "unionGroupId", "title", "registeredById", "createdAt")
SELECT 'pv_reg_' || m.mi || '_' || y.y, 'pv_cmp_' || substr(m.sid, 5) || '_' || y.y, m.sid, 'm:' || m.mid, m.mid, NULL::text,
       CASE WHEN province_gen.r(m.mi, 50 + y.y) < 0.12 THEN 'CSTDCS' ELSE 'LDTT' END, 'pv_usr_c' || substr(m.sid, 5),
       (make_date(y.start_year, 9, 20) + floor(province_gen.r(m.mi, 47) * 20)::int)::timestamp
FROM pv_mem m CROSS JOIN province_gen.year y
WHERE province_gen.r(m.mi, 40 + y.y) < CASE WHEN y.closed THEN 0.95 ELSE 0.5 + 0.5 * province_gen.r(m.i, 44) END
UNION ALL
SELECT 'pv_regs_' || substr(s.id, 5) || '_' || y.y, 'pv_cmp_' || substr(s.id, 5) || '_' || y.y, s.id, 's:' || s.id, NULL, NULL, 'TT_LDTT', 'pv_usr_c' || substr(s.id, 5),
       make_date(y.start_year, 9, 25)
FROM province_gen.school s CROSS JOIN province_gen.year y WHERE y.closed OR province_gen.r(s.i, 45) < 0.7
UNION ALL
SELECT 'pv_regw_' || m.mi || '_' || y.y, 'pv_cmpu_u' || lpad(m.k::text, 2, '0') || '_' || y.y, m.sid, 'm:' || m.mid, m.mid, NULL, 'GVT_DVN', 'pv_usr_c' || substr(m.sid, 5),
       make_date(y.start_year, 10, 1) + floor(province_gen.r(m.mi, 48) * 30)::int
FROM pv_mem m CROSS JOIN province_gen.year y
WHERE m.gender = 'NU' AND province_gen.r(m.mi, 46 + y.y) < 0.35;

INSERT INTO "ScorePeriod" ("id", "campaignId", "schoolId", "scaleVersionId", "name", "kind", "startsOn", "endsOn", "state", "appealDeadline", "closedAt", "updatedAt")
SELECT 'pv_per_' || substr(p.sid, 5) || '_' || p.y,
       CASE WHEN p.y = 3 THEN 'pv_cmpd_' || substr(p.sid, 5) ELSE 'pv_cmp_' || substr(p.sid, 5) || '_' || p.y END,
       p.sid, 'pv_sv_' || substr(p.sid, 5) || '_' || p.y,
       CASE WHEN p.y = 3 THEN 'Đợt 1 (05/9 – 20/11/2026)' ELSE 'Cả năm học ' || y.label END,
       CASE WHEN p.y = 3 THEN 'ROUND' ELSE 'YEAR' END::"PeriodKind",
       make_date(y.start_year, 9, 5), CASE WHEN p.y = 3 THEN DATE '2026-11-20' ELSE make_date(y.start_year + 1, 5, 31) END,
       p.state::"PeriodState",
       CASE WHEN p.y < 3 THEN make_date(y.start_year + 1, 5, 25)::timestamp WHEN p.state IN ('APPEALS', 'CLOSED') THEN TIMESTAMP '2026-12-05' END,
       CASE WHEN p.y < 3 THEN make_date(y.start_year + 1, 5, 28)::timestamp WHEN p.state = 'CLOSED' THEN TIMESTAMP '2026-11-30' END,
       now()
FROM pv_per p JOIN province_gen.year y ON y.y = p.y;

CREATE TEMP TABLE pv_sheet ON COMMIT DROP AS
SELECT 'pv_sh_' || m.mi || '_' || p.y AS id, 'pv_per_' || substr(p.sid, 5) || '_' || p.y AS period_id, m.mid, m.mi, m.sid, p.y, p.state,
       floor(province_gen.r(m.mi, 70 + p.y) * 64)::int AS v
FROM pv_mem m JOIN pv_per p ON p.sid = m.sid;
ANALYZE pv_sheet;

INSERT INTO "ScoreSheet" ("id", "periodId", "memberId", "createdAt")
SELECT id, period_id, mid, now() FROM pv_sheet;

INSERT INTO "ScoreStage" ("id", "sheetId", "stage", "data", "explanation", "totalTenths", "complete", "classification", "enteredById", "updatedAt")
SELECT sh.id || '_' || lower(st.stage), sh.id, st.stage::"ScoreStageKind", v."data",
       CASE WHEN st.stage = 'COUNCIL' THEN 'Hội đồng thống nhất điểm theo biên bản họp.' END,
       v."total", v."complete", v."classification", 'pv_usr_c' || substr(sh.sid, 5), now()
FROM pv_sheet sh
CROSS JOIN (VALUES ('SELF'), ('GROUP'), ('COUNCIL')) AS st(stage)
JOIN province_gen.variant v ON v.k = sh.v AND v.stage = st.stage
  AND v.partial = (st.stage = 'SELF' AND sh.state = 'SELF_ASSESSMENT' AND province_gen.r(sh.mi, 82) < 0.2)
WHERE CASE st.stage
        WHEN 'SELF' THEN sh.state <> 'SELF_ASSESSMENT' OR province_gen.r(sh.mi, 81) < 0.7
        WHEN 'GROUP' THEN sh.state IN ('COUNCIL_REVIEW', 'APPEALS', 'CLOSED') OR (sh.state = 'GROUP_SCORING' AND province_gen.r(sh.mi, 83) < 0.5)
        ELSE sh.state IN ('APPEALS', 'CLOSED') OR (sh.state = 'COUNCIL_REVIEW' AND province_gen.r(sh.mi, 84) < 0.4)
      END;

INSERT INTO "Appeal" ("id", "sheetId", "text", "state", "resolution", "resolvedById", "resolvedAt", "createdById", "createdAt")
SELECT 'pv_kn_' || sh.id, sh.id,
       'Đề nghị Hội đồng xem xét lại điểm tiêu chí "Chất lượng giờ dạy": tôi đã có hai tiết thao giảng đạt loại Giỏi.',
       CASE WHEN sh.y = 3 THEN 'OPEN' WHEN province_gen.r(sh.mi, 92) < 0.5 THEN 'ACCEPTED' ELSE 'REJECTED' END::"AppealState",
       CASE WHEN sh.y < 3 THEN 'Hội đồng đã xem xét minh chứng và trả lời tại phiên họp cuối năm.' END,
       CASE WHEN sh.y < 3 THEN 'pv_usr_c' || substr(sh.sid, 5) END,
       CASE WHEN sh.y < 3 THEN make_date(2024 + sh.y, 5, 27)::timestamp END,
       'pv_usr_c' || substr(sh.sid, 5), now()
FROM pv_sheet sh
WHERE (sh.y = 3 AND sh.state = 'APPEALS' AND province_gen.r(sh.mi, 90) < 0.03) OR (sh.y < 3 AND province_gen.r(sh.mi, 91) < 0.008);
