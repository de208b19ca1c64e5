-- Province generator step 1 (scripts/province.ts): the organisation tree, school years, the union
-- term, the upper units' settings and quotas. Reads province_gen.unit / province_gen.year.

INSERT INTO "Organisation" ("id", "name", "type", "parentId", "place", "validFrom")
VALUES ('pv_ldld', 'Liên đoàn Lao động tỉnh Sơn Hà', 'LIEN_DOAN_LAO_DONG', NULL, 'Sơn Hà', DATE '1990-01-01'),
       ('pv_ubnd_tinh', 'Ủy ban nhân dân tỉnh Sơn Hà', 'KHAC', NULL, 'Sơn Hà', DATE '1990-01-01');

-- 30 upper units under the federation: 29 commune-level education unions and the provincial
-- education sector union (for the upper-secondary schools).
INSERT INTO "Organisation" ("id", "name", "type", "parentId", "place", "validFrom")
SELECT u.id, u.name, 'CONG_DOAN_NGANH_GD', 'pv_ldld', u.place, DATE '2025-07-01'
FROM province_gen.unit u;

-- Their government counterparts: the UBND xã (since the July 2025 two-tier reform) and the Sở.
INSERT INTO "Organisation" ("id", "name", "type", "parentId", "place", "validFrom")
SELECT u.gov_id, u.gov_name, CASE WHEN u.gov_short = 'SGDĐT' THEN 'SO_GD'::"OrgType" ELSE 'UBND_XA'::"OrgType" END, 'pv_ubnd_tinh', u.place, DATE '2025-07-01'
FROM province_gen.unit u;

INSERT INTO "SchoolYear" ("id", "label", "startsOn", "endsOn")
SELECT y.id, y.label, make_date(y.start_year, 9, 5), make_date(y.start_year + 1, 5, 31) FROM province_gen.year y;

-- Nhiệm kỳ: the federation's 2023–2028 term and each upper unit's own.
INSERT INTO "UnionTerm" ("id", "organisationId", "label", "startsOn", "endsOn", "congressOn", "nextCongressOn")
VALUES ('pv_term_ldld_2023', 'pv_ldld', '2023–2028', DATE '2023-07-20', DATE '2028-07-19', DATE '2023-07-20', DATE '2028-07-15');
INSERT INTO "UnionTerm" ("id", "organisationId", "label", "startsOn", "endsOn", "congressOn", "nextCongressOn")
SELECT 'pv_term_' || u.id || '_2023', u.id, '2023–2028', DATE '2023-05-10' + (u.k * 3), DATE '2028-05-09' + (u.k * 3), DATE '2023-05-10' + (u.k * 3), DATE '2028-05-09' + (u.k * 3)
FROM province_gen.unit u;

-- Each unit's own notice period and its quota of upper-union Giấy khen per school and year.
INSERT INTO "AwardSetting" ("id", "organisationId", "key", "value", "basis", "source", "validFrom", "updatedAt")
SELECT 'pv_st_' || u.id, u.id, 'nomination.noticeDays', '5'::jsonb,
       'Hướng dẫn số ' || (10 + u.k) || '/HD-CĐGD của ' || u.name || ': công khai danh sách 5 ngày làm việc', 'PRACTICE', DATE '2024-09-05', now()
FROM province_gen.unit u;

INSERT INTO "AwardQuota" ("id", "organisationId", "schoolYearId", "schoolId", "titleCode", "max", "basis")
SELECT 'pv_ct_' || u.id || '_' || y.y, u.id, y.id, NULL, 'GK_CD_CAP_TREN', greatest(20, u.n * 3),
       'Hướng dẫn thi đua năm học ' || y.label || ': mỗi trường tối đa 3 Giấy khen'
FROM province_gen.unit u CROSS JOIN province_gen.year y;
