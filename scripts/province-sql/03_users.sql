-- Province generator step 3: accounts (password ThiDua@2025, one argon2id hash written by
-- scripts/province.ts) and roles: an admin, the federation's staff, one staff member per upper
-- unit (two-step sign-in with the published demo secret), and per school the principal (member
-- j = 0) and the union chair (member j = 7), each also a member.

INSERT INTO "User" ("id", "email", "passwordHash", "displayName", "memberId")
SELECT 'pv_usr_admin', 'admin@tinh.test', p.password_hash, 'Quản trị hệ thống', NULL FROM province_gen.p p
UNION ALL
SELECT 'pv_usr_ldld', 'ldld@tinh.test', p.password_hash, 'Trịnh Thị Thu Hà', NULL FROM province_gen.p p
UNION ALL
SELECT 'pv_usr_' || u.id, 'canbo.' || substr(u.id, 4) || '@tinh.test', p.password_hash, 'Cán bộ ' || u.name, NULL
FROM province_gen.unit u CROSS JOIN province_gen.p p
UNION ALL
SELECT 'pv_usr_h' || substr(s.id, 5), 'hieutruong.' || substr(s.id, 4) || '@tinh.test', p.password_hash, m."fullName", m."id"
FROM province_gen.school s CROSS JOIN province_gen.p p JOIN "Member" m ON m."id" = 'pv_m' || lpad(s.m_start::text, 6, '0')
UNION ALL
SELECT 'pv_usr_c' || substr(s.id, 5), 'chutich.' || substr(s.id, 4) || '@tinh.test', p.password_hash, m."fullName", m."id"
FROM province_gen.school s CROSS JOIN province_gen.p p JOIN "Member" m ON m."id" = 'pv_m' || lpad((s.m_start + 7)::text, 6, '0');

INSERT INTO "TwoStep" ("userId", "secret", "enabledAt", "updatedAt")
SELECT u."id", p.totp, TIMESTAMP '2020-01-01', now() FROM "User" u CROSS JOIN province_gen.p p
WHERE u."id" = 'pv_usr_admin' OR u."id" = 'pv_usr_ldld' OR u."id" LIKE 'pv_usr_pv_u%';

INSERT INTO "RoleAssignment" ("id", "userId", "role", "schoolId", "organisationId", "unionGroupId", "validFrom")
SELECT 'pv_rol_admin', 'pv_usr_admin', 'ADMIN'::"Role", NULL::text, NULL::text, NULL::text, TIMESTAMP '2020-01-01'
UNION ALL
SELECT 'pv_rol_ldld', 'pv_usr_ldld', 'UPPER_STAFF'::"Role", NULL, 'pv_ldld', NULL, TIMESTAMP '2020-01-01'
UNION ALL
SELECT 'pv_rol_' || u.id, 'pv_usr_' || u.id, 'UPPER_STAFF'::"Role", NULL, u.id, NULL, TIMESTAMP '2020-01-01' FROM province_gen.unit u
UNION ALL
SELECT 'pv_rol_h' || substr(s.id, 5) || '_' || lower(r), 'pv_usr_h' || substr(s.id, 5), r::"Role", s.id, NULL, NULL, TIMESTAMP '2020-01-01'
FROM province_gen.school s CROSS JOIN unnest(ARRAY['PRINCIPAL', 'MEMBER']) r
UNION ALL
SELECT 'pv_rol_c' || substr(s.id, 5) || '_' || lower(r), 'pv_usr_c' || substr(s.id, 5), r::"Role", s.id, NULL, NULL, TIMESTAMP '2020-01-01'
FROM province_gen.school s CROSS JOIN unnest(ARRAY['UNION_CHAIR', 'MEMBER']) r;
