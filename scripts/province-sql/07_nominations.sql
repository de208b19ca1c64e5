-- Province generator step 7: nominations of the two completed years. Each school sends one
-- package per year, split by deciding body (issue 12): the union part to its upper unit (Giấy khen
-- of the upper union, the CĐCS's collective title, Bằng khen and Cờ thi đua of the federation) and
-- the government part to the UBND xã / Sở (LĐTT, CSTĐCS, Tập thể LĐTT). 2024–2025: all decided.
-- 2025–2026: 60% decided, 12% reviewed, 10% submitted, 6% returned, 6% posted, 6% drafts. Items
-- follow their package (a few rejected or withdrawn; those of three revoked decisions REVOKED).
-- Nominees: members whose evaluation makes them eligible (grade ≥ HTTNV, registered, no
-- discipline in the year).

CREATE TABLE province_gen.pkg AS
SELECT s.id AS sid, s.i, s.k, s.name AS school_name, s.m_start, y.y, y.id AS yid, y.label, y.start_year, u.id AS unit_id, u.name AS unit_name, u.gov_id, u.gov_name, u.gov_short,
       CASE WHEN y.y = 1 THEN 'DECIDED'
            WHEN province_gen.r(s.i, 200) < 0.60 THEN 'DECIDED'
            WHEN province_gen.r(s.i, 200) < 0.72 THEN 'REVIEWED'
            WHEN province_gen.r(s.i, 200) < 0.82 THEN 'SUBMITTED'
            WHEN province_gen.r(s.i, 200) < 0.88 THEN 'RETURNED'
            WHEN province_gen.r(s.i, 200) < 0.94 THEN 'POSTED'
            ELSE 'DRAFT' END AS status
FROM province_gen.school s JOIN province_gen.unit u ON u.k = s.k CROSS JOIN province_gen.year y WHERE y.closed;
ANALYZE province_gen.pkg;

INSERT INTO "NominationPackage" ("id", "schoolId", "schoolYearId", "organisationId", "title", "status", "coverNote", "deadline", "postedOn", "submittedAt", "number", "numberYear",
  "createdById", "route", "authorityKind", "authorityName", "splitFromId", "sentAt", "sentById", "updatedAt")
SELECT 'pv_pk_' || substr(p.sid, 5) || '_' || p.y || '_' || side.s,
       p.sid, p.yid, CASE side.s WHEN 'cd' THEN p.unit_id ELSE p.gov_id END,
       'Hồ sơ đề nghị khen thưởng năm học ' || p.label || CASE side.s WHEN 'nn' THEN ' – gửi ' || CASE WHEN p.gov_short = 'SGDĐT' THEN 'Giám đốc ' || p.gov_name ELSE 'Chủ tịch ' || p.gov_name END ELSE '' END,
       p.status::"NominationPackageStatus",
       'Căn cứ kết quả bình xét của Hội đồng Thi đua – Khen thưởng, ' || p.school_name || ' đề nghị xét khen thưởng năm học ' || p.label || '.',
       make_date(p.start_year + 1, 6, 10),
       CASE WHEN p.status <> 'DRAFT' THEN make_date(p.start_year + 1, 5, 28) END,
       CASE WHEN p.status IN ('SUBMITTED', 'RETURNED', 'REVIEWED', 'DECIDED') THEN make_date(p.start_year + 1, 6, 5)::timestamp END,
       CASE WHEN p.status IN ('SUBMITTED', 'RETURNED', 'REVIEWED', 'DECIDED') THEN lpad((CASE side.s WHEN 'cd' THEN 12 ELSE 13 END + p.i % 7)::text, 2, '0') || '/TTr-CĐCS' END,
       CASE WHEN p.status IN ('SUBMITTED', 'RETURNED', 'REVIEWED', 'DECIDED') THEN p.start_year + 1 END,
       'pv_usr_c' || substr(p.sid, 5),
       CASE side.s WHEN 'cd' THEN 'UNION' ELSE 'STATE' END::"AwardRoute",
       CASE side.s WHEN 'cd' THEN 'UNION' WHEN 'nn' THEN CASE WHEN p.gov_short = 'SGDĐT' THEN 'SO_GD' ELSE 'UBND_XA' END END,
       CASE side.s WHEN 'cd' THEN 'Ban Thường vụ ' || p.unit_name ELSE CASE WHEN p.gov_short = 'SGDĐT' THEN 'Giám đốc ' || p.gov_name ELSE 'Chủ tịch ' || p.gov_name END END,
       CASE side.s WHEN 'nn' THEN 'pv_pk_' || substr(p.sid, 5) || '_' || p.y || '_cd' END,
       CASE WHEN side.s = 'nn' AND p.status IN ('SUBMITTED', 'RETURNED', 'REVIEWED', 'DECIDED') THEN make_date(p.start_year + 1, 6, 5)::timestamp END,
       CASE WHEN side.s = 'nn' AND p.status IN ('SUBMITTED', 'RETURNED', 'REVIEWED', 'DECIDED') THEN 'pv_usr_h' || substr(p.sid, 5) END,
       now()
FROM province_gen.pkg p CROSS JOIN (VALUES ('cd'), ('nn')) AS side(s);
ANALYZE "NominationPackage";

-- Eligible members per school and year.
CREATE TEMP TABLE pv_elig ON COMMIT DROP AS
SELECT e."memberId" AS mid, substr(e."memberId", 5)::int AS mi, e."grade"::text AS grade, m."fullName" AS name, p.*
FROM "MemberEvaluation" e
JOIN "Member" m ON m."id" = e."memberId"
JOIN province_gen.pkg p ON p.sid = e."schoolId" AND p.yid = e."schoolYearId"
WHERE e."id" LIKE 'pv_ev_%' AND e."grade" IN ('HTXSNV', 'HTTNV') AND e."registered" AND e."absenceWorkingDays" < 40
  AND NOT EXISTS (SELECT 1 FROM "Discipline" d WHERE d."memberId" = e."memberId" AND d."decidedOn" BETWEEN make_date(p.start_year, 9, 5) AND make_date(p.start_year + 1, 5, 31));
ANALYZE pv_elig;

CREATE TEMP TABLE pv_item ON COMMIT DROP AS
SELECT x.*, 'pv_it_' || substr(x.sid, 5) || '_' || x.y || '_' || x.who || '_' || lower(x.title) AS id,
       'pv_pk_' || substr(x.sid, 5) || '_' || x.y || '_' || x.side AS package_id,
       province_gen.r(x.i * 1000 + x.y * 100 + length(x.title) + coalesce(x.mi, 0), 240) AS rr
FROM (
  SELECT e.sid, e.i, e.k, e.y, e.yid, e.status AS pstatus, e.mi::text AS who, e.mi, 'MEMBER' AS subject, e.mid, NULL::text AS gid, e.name, 'nn' AS side, 'LDTT' AS title, 'SCHOOL' AS level FROM pv_elig e
  UNION ALL
  SELECT e.sid, e.i, e.k, e.y, e.yid, e.status, e.mi::text, e.mi, 'MEMBER', e.mid, NULL, e.name, 'nn', 'CSTDCS', 'SCHOOL' FROM pv_elig e WHERE e.grade = 'HTXSNV' AND province_gen.r(e.mi, 150 + e.y) < 0.75
  UNION ALL
  SELECT e.sid, e.i, e.k, e.y, e.yid, e.status, e.mi::text, e.mi, 'MEMBER', e.mid, NULL, e.name, 'cd', 'GK_CD_CAP_TREN', 'DIRECT_UPPER' FROM pv_elig e WHERE province_gen.r(e.mi, 210 + e.y) < 0.05
  UNION ALL
  SELECT e.sid, e.i, e.k, e.y, e.yid, e.status, e.mi::text, e.mi, 'MEMBER', e.mid, NULL, e.name, 'cd', 'BK_LDLD_TINH', 'PROVINCE' FROM pv_elig e WHERE e.grade = 'HTXSNV' AND province_gen.r(e.mi, 215 + e.y) < 0.04
  UNION ALL
  SELECT p.sid, p.i, p.k, p.y, p.yid, p.status, 's', NULL, 'SCHOOL', NULL, NULL, p.school_name, 'nn', 'TT_LDTT', 'SCHOOL' FROM province_gen.pkg p
  UNION ALL
  SELECT p.sid, p.i, p.k, p.y, p.yid, p.status, 's', NULL, 'SCHOOL', NULL, NULL, 'Công đoàn cơ sở ' || p.school_name, 'cd', 'CDCS_HTXS', 'DIRECT_UPPER' FROM province_gen.pkg p WHERE province_gen.r(p.i, 230 + p.y) < 0.6
  UNION ALL
  SELECT p.sid, p.i, p.k, p.y, p.yid, p.status, 's', NULL, 'SCHOOL', NULL, NULL, 'Công đoàn cơ sở ' || p.school_name, 'cd', 'CO_TD_LDLD_TINH', 'PROVINCE' FROM province_gen.pkg p WHERE province_gen.r(p.i, 220 + p.y) < 0.03
  UNION ALL
  SELECT p.sid, p.i, p.k, p.y, p.yid, p.status, 'g1', NULL, 'UNION_GROUP', NULL, p.sid || '_g1', g."name", 'cd', 'GK_CD_CAP_TREN', 'DIRECT_UPPER'
  FROM province_gen.pkg p JOIN "UnionGroup" g ON g."id" = p.sid || '_g1' WHERE province_gen.r(p.i, 235 + p.y) < 0.5
) x;
ANALYZE pv_item;

-- Three government decisions of 2024–2025 were later revoked (08_decisions.sql): their nominees are REVOKED.
INSERT INTO "NominationItem" ("id", "packageId", "schoolId", "subject", "memberId", "unionGroupId", "nomineeName", "titleCode", "level", "achievementKey", "achievementSummary",
  "status", "approvedTitleCode", "approvedLevel", "reviewNote", "updatedAt")
SELECT it.id, it.package_id, it.sid, it.subject::"NomineeKind", it.mid, it.gid, it.name, it.title, it.level::"AwardLevel", 'year:' || (2023 + it.y), NULL,
       st.status::"NominationItemStatus",
       CASE WHEN st.status = 'APPROVED_CHANGED' THEN CASE WHEN it.title = 'CSTDCS' THEN 'LDTT' ELSE it.title END END,
       CASE WHEN st.status = 'APPROVED_CHANGED' THEN it.level::"AwardLevel" END,
       CASE WHEN st.status IN ('RETURNED', 'REJECTED', 'APPROVED_CHANGED') THEN 'Chưa đủ minh chứng theo hướng dẫn; đề nghị bổ sung báo cáo thành tích.' END,
       now()
FROM pv_item it
CROSS JOIN LATERAL (SELECT CASE
    WHEN it.pstatus = 'DECIDED' AND it.rr < 0.01 THEN 'REJECTED'
    WHEN it.pstatus = 'DECIDED' AND it.rr < 0.015 THEN 'WITHDRAWN'
    WHEN it.pstatus = 'DECIDED' AND it.side = 'nn' AND it.y = 1 AND it.i IN (17, 1234, 2500) THEN 'REVOKED'
    WHEN it.pstatus = 'DECIDED' THEN 'DECIDED'
    WHEN it.pstatus = 'REVIEWED' AND it.rr < 0.03 THEN 'APPROVED_CHANGED'
    WHEN it.pstatus = 'REVIEWED' AND it.rr < 0.06 THEN 'REJECTED'
    WHEN it.pstatus = 'REVIEWED' THEN 'APPROVED'
    ELSE it.pstatus END AS status) st;

-- The history of each package.
INSERT INTO "NominationEvent" ("id", "packageId", "itemId", "action", "fromStatus", "toStatus", "comment", "actorUserId", "actorName", "at")
SELECT 'pv_ev_' || pk."id" || '_' || ev.n, pk."id", NULL, ev.action, ev.f, ev.t, ev.comment,
       CASE WHEN ev.n >= 4 THEN 'pv_usr_' || p.unit_id ELSE 'pv_usr_c' || substr(p.sid, 5) END, NULL,
       make_date(p.start_year + 1, ev.m, ev.d)::timestamp
FROM province_gen.pkg p
JOIN "NominationPackage" pk ON pk."schoolId" = p.sid AND pk."schoolYearId" = p.yid AND pk."id" LIKE 'pv_pk_%'
CROSS JOIN (VALUES
  (1, 'create', NULL, 'DRAFT', NULL, 5, 20, 0),
  (2, 'post', 'DRAFT', 'POSTED', 'Công khai danh sách 5 ngày làm việc', 5, 28, 1),
  (3, 'submit', 'POSTED', 'SUBMITTED', NULL, 6, 5, 2),
  (4, 'return', 'SUBMITTED', 'RETURNED', 'Đề nghị bổ sung biên bản họp Hội đồng', 6, 12, 9),
  (5, 'review', 'SUBMITTED', 'REVIEWED', NULL, 6, 15, 3),
  (6, 'decide', 'REVIEWED', 'DECIDED', NULL, 6, 25, 4)
) AS ev(n, action, f, t, comment, m, d, rank)
WHERE (ev.rank <= CASE p.status WHEN 'DRAFT' THEN 0 WHEN 'POSTED' THEN 1 WHEN 'SUBMITTED' THEN 2 WHEN 'RETURNED' THEN 2 WHEN 'REVIEWED' THEN 3 ELSE 4 END)
   OR (ev.rank = 9 AND p.status = 'RETURNED');
