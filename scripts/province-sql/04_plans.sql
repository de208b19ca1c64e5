-- Province generator step 4: each school's coordination plan (kế hoạch phối hợp) per school year,
-- with four targets tied to live measures (lib/plans/measures.ts). 2024–2025 and 2025–2026 are
-- signed; 2026–2027: 60% signed, 20% submitted, 15% drafts, 5% without a plan. The signed ones are
-- written as drafts, given their targets, then signed (the triggers of 20261202010000 refuse
-- content added to a signed plan, as the app's own flow never does).

CREATE TEMP TABLE pv_plan ON COMMIT DROP AS
SELECT 'pv_pl_' || substr(s.id, 5) || '_' || y.y AS id, s.id AS sid, s.i, s.m_start, s.name, y.id AS yid, y.y, y.label, y.start_year, u.name AS unit_name, u.gov_name, u.place,
       CASE WHEN y.closed THEN 'SIGNED'
            WHEN province_gen.r(s.i, 31) < 0.60 THEN 'SIGNED'
            WHEN province_gen.r(s.i, 31) < 0.80 THEN 'SUBMITTED'
            WHEN province_gen.r(s.i, 31) < 0.95 THEN 'DRAFT'
            ELSE NULL END AS final
FROM province_gen.school s JOIN province_gen.unit u ON u.k = s.k CROSS JOIN province_gen.year y;
ANALYZE pv_plan;
DELETE FROM pv_plan WHERE final IS NULL;

INSERT INTO "CoordinationPlan" ("id", "schoolId", "schoolYearId", "revision", "status", "issuerParent", "issuerName", "docNumber", "place", "issuedOn", "title",
  "recipients", "govSignerTitle", "unionSignerTitle", "meetingDay", "submittedAt", "updatedAt")
SELECT p.id, p.sid, p.yid, 1, 'DRAFT', p.gov_name || ' – ' || p.unit_name, p.name || ' – Công đoàn cơ sở', (3 + p.i % 20) || '/KHPH-NT-CĐ', p.place,
       make_date(p.start_year, 9, 20 + p.i % 8), 'Kế hoạch phối hợp giữa Nhà trường và Công đoàn năm học ' || p.label,
       '- ' || p.unit_name || ';' || chr(10) || '- Các tổ công đoàn, tổ chuyên môn;' || chr(10) || '- Lưu: VT.', 'HIỆU TRƯỞNG', 'TM. BAN CHẤP HÀNH CÔNG ĐOÀN' || chr(10) || 'CHỦ TỊCH',
       5, CASE WHEN p.final <> 'DRAFT' THEN make_date(p.start_year, 9, 18 + p.i % 8)::timestamp END, now()
FROM pv_plan p;

INSERT INTO "PlanTarget" ("id", "planId", "key", "sortOrder", "label", "measureKey", "unit", "comparator", "targetValue")
SELECT p.id || '_' || t.key, p.id, t.key, t.ord, t.label, t.measure, t.unit::"TargetUnit", t.cmp::"TargetComparator", t.val
FROM pv_plan p CROSS JOIN (VALUES
  ('dang_ky', 1, '100% đoàn viên đăng ký thi đua', 'registered_pct', 'PERCENT', 'AT_LEAST', 100::float8),
  ('ldtt', 2, 'Ít nhất 80% đoàn viên đạt Lao động tiên tiến', 'lddt_pct', 'PERCENT', 'AT_LEAST', 80),
  ('sang_kien', 3, 'Có sáng kiến được công nhận', 'initiatives_count', 'COUNT', 'AT_LEAST', 3),
  ('ky_luat', 4, 'Không có đoàn viên bị kỷ luật', 'disciplined_count', 'COUNT', 'AT_MOST', 0)
) AS t(key, ord, label, measure, unit, cmp, val);

UPDATE "CoordinationPlan" c SET
  "status" = p.final::"PlanStatus",
  "govSignerId" = CASE WHEN p.final = 'SIGNED' THEN 'pv_usr_h' || substr(p.sid, 5) END,
  "govSignerName" = CASE WHEN p.final = 'SIGNED' THEN (SELECT "fullName" FROM "Member" WHERE "id" = 'pv_m' || lpad(p.m_start::text, 6, '0')) END,
  "govSignedAt" = CASE WHEN p.final = 'SIGNED' THEN make_date(p.start_year, 9, 25)::timestamp END,
  "unionSignerId" = CASE WHEN p.final = 'SIGNED' THEN 'pv_usr_c' || substr(p.sid, 5) END,
  "unionSignerName" = CASE WHEN p.final = 'SIGNED' THEN (SELECT "fullName" FROM "Member" WHERE "id" = 'pv_m' || lpad((p.m_start + 7)::text, 6, '0')) END,
  "unionSignedAt" = CASE WHEN p.final = 'SIGNED' THEN make_date(p.start_year, 9, 26)::timestamp END,
  "signedAt" = CASE WHEN p.final = 'SIGNED' THEN make_date(p.start_year, 9, 26)::timestamp END
FROM pv_plan p WHERE c."id" = p.id AND p.final <> 'DRAFT';
