-- Province generator step 2: 3,000 schools with their công đoàn cơ sở, four union groups each,
-- and 150,000 members with realistic Vietnamese names (the name parts of lib/seed/names.ts, with
-- their folded forms computed by lib/format.ts, so nameSearch and sortKey are what the app writes).

INSERT INTO "School" ("id", "code", "name", "nameSearch", "level", "address", "unionName", "unionUnitId", "govUnitId", "updatedAt")
SELECT s.id, s.code, s.name, s.name_f, s.level::"SchoolLevel", CASE WHEN u.gov_short = 'SGDĐT' THEN 'tỉnh Sơn Hà' ELSE 'xã ' || u.place || ', tỉnh Sơn Hà' END, 'Công đoàn cơ sở ' || s.name, u.id, u.gov_id, now()
FROM province_gen.school s JOIN province_gen.unit u ON u.k = s.k;
INSERT INTO "UnionGroup" ("id", "schoolId", "name")
SELECT s.id || '_g' || g, s.id,
  CASE WHEN g = 4 THEN 'Tổ CĐ Văn phòng'
       WHEN s.level = 'MAM_NON' THEN (ARRAY['Tổ CĐ Nhà trẻ', 'Tổ CĐ Mẫu giáo bé', 'Tổ CĐ Mẫu giáo lớn'])[g]
       WHEN s.level = 'TIEU_HOC' THEN (ARRAY['Tổ CĐ Khối 1–2', 'Tổ CĐ Khối 3', 'Tổ CĐ Khối 4–5'])[g]
       ELSE (ARRAY['Tổ CĐ Toán – Tin', 'Tổ CĐ Ngữ văn – Sử – Địa', 'Tổ CĐ Khoa học tự nhiên'])[g] END
FROM province_gen.school s CROSS JOIN generate_series(1, 4) g;

-- Members (names from province_gen.nm): j = position in the school (0 principal, 1–2 vice principals, 3–6 office staff, 7–9
-- heads of department, 7 also the union chair, the rest teachers). Global index mi = m_start + j.
INSERT INTO "Member" ("id", "schoolId", "unionGroupId", "fullName", "nameSearch", "sortKey", "gender", "dateOfBirth", "position",
                      "professionalGroup", "joinedUnionAt", "contractStartAt", "status", "updatedAt")
SELECT 'pv_m' || lpad(x.mi::text, 6, '0'), x.sid, x.sid || '_g' || x.g,
       n.full_name, n.search, n.sort_key,
       x.gender::"Gender", x.dob, x.position,
       CASE WHEN x.g = 4 THEN 'Tổ Văn phòng' ELSE 'Tổ chuyên môn ' || x.g END,
       x.contract + 20 + floor(province_gen.r(x.mi, 8) * 220)::int,
       x.contract,
       x.status::"MemberStatus", now()
FROM (
  SELECT y.*,
         (make_date(least(extract(year FROM y.dob)::int + 22 + floor(province_gen.r(y.mi, 6) * 4)::int, 2024), 8, 1) + floor(province_gen.r(y.mi, 7) * 45)::int) AS contract,
         CASE WHEN y.j < 10 THEN 'ACTIVE'
              WHEN province_gen.r(y.mi, 9) < 0.01 THEN 'LEFT'
              WHEN province_gen.r(y.mi, 9) < 0.025 AND y.gender = 'NU' THEN 'MATERNITY_LEAVE'
              WHEN province_gen.r(y.mi, 9) < 0.03 THEN 'ON_LEAVE'
              ELSE 'ACTIVE' END AS status
  FROM (
    SELECT s.id AS sid, s.level, j, s.m_start + j AS mi,
           CASE WHEN j <= 6 THEN 4 ELSE 1 + (j - 7) % 3 END AS g,
           CASE WHEN j = 0 THEN 'Hiệu trưởng'
                WHEN j = 1 OR (j = 2 AND s.size >= 40) THEN 'Phó hiệu trưởng'
                WHEN j = 3 THEN 'Kế toán'
                WHEN j = 4 THEN 'Văn thư'
                WHEN j = 5 THEN 'Nhân viên y tế'
                WHEN j = 6 THEN 'Bảo vệ'
                WHEN j BETWEEN 7 AND 9 THEN 'Tổ trưởng chuyên môn'
                WHEN s.level = 'MAM_NON' AND j BETWEEN 10 AND 12 THEN 'Nhân viên nuôi dưỡng'
                WHEN j % 5 = 0 THEN 'Giáo viên'
                ELSE 'Giáo viên chủ nhiệm' END AS position,
           CASE WHEN j = 6 THEN 'NAM'
                WHEN j = 5 OR (s.level = 'MAM_NON' AND j BETWEEN 10 AND 12) THEN 'NU'
                WHEN province_gen.r(s.m_start + j, 1) < s.female THEN 'NU' ELSE 'NAM' END AS gender,
           CASE WHEN j <= 2 THEN DATE '1968-01-01' + floor(province_gen.r(s.m_start + j, 5) * 14 * 365)::int
                ELSE DATE '1970-01-01' + floor(province_gen.r(s.m_start + j, 5) * 29 * 365)::int END AS dob
    FROM province_gen.school s CROSS JOIN LATERAL generate_series(0, s.size - 1) j
  ) y
) x
CROSS JOIN province_gen.p p
JOIN province_gen.nm n ON n.gender = x.gender
  AND n.f = 1 + floor(province_gen.r(x.mi, 2) * array_length(p.fam, 1))::int
  AND n.m = 1 + floor(province_gen.r(x.mi, 3) * CASE WHEN x.gender = 'NU' THEN array_length(p.fem_mid, 1) ELSE array_length(p.male_mid, 1) END)::int
  AND n.g = 1 + floor(province_gen.r(x.mi, 4) * CASE WHEN x.gender = 'NU' THEN array_length(p.fem_given, 1) ELSE array_length(p.male_given, 1) END)::int;
