-- Province generator step 8: decisions and the awards registry. Government route: one decision
-- per school and year by its UBND xã (or the Sở for upper-secondary schools), recorded by the
-- school (side STATE, schoolId set). Union route: one decision per upper unit and year (Giấy khen,
-- CĐCS hoàn thành xuất sắc nhiệm vụ) and one per year by the federation (Bằng khen, Cờ thi đua).
-- Three government decisions of 2024–2025 are revoked. Awards: one per decided (or revoked)
-- nominee, written with the decision in its final state (decisions and awards are immutable).

CREATE TEMP TABLE pv_dec ON COMMIT DROP AS
SELECT 'pv_qd_nn_' || substr(p.sid, 5) || '_' || p.y AS id, p.gov_id AS org, p.yid, p.y, p.start_year, p.label, p.sid, p.i,
       (row_number() OVER (PARTITION BY p.gov_id ORDER BY p.y, p.i) + 40) || '/QĐ-' || p.gov_short AS number,
       make_date(p.start_year + 1, 6, 20) + p.i % 8 AS signed_on,
       CASE WHEN p.gov_short = 'SGDĐT' THEN 'Giám đốc' ELSE 'Chủ tịch' END AS signer_title,
       p.gov_name AS issuer, 'Ủy ban nhân dân tỉnh Sơn Hà' AS issuer_parent, 'SCHOOL' AS level, 'STATE' AS side,
       'Về việc công nhận danh hiệu thi đua năm học ' || p.label || ' cho ' || p.school_name AS summary
FROM province_gen.pkg p WHERE p.status = 'DECIDED'
UNION ALL
SELECT 'pv_qd_cd_' || substr(u.id, 4) || '_' || y.y, u.id, y.id, y.y, y.start_year, y.label, NULL, NULL,
       (60 + y.y * 17) || '/QĐ-CĐGD', make_date(y.start_year + 1, 7, 5), 'Chủ tịch', u.name, 'Liên đoàn Lao động tỉnh Sơn Hà', 'DIRECT_UPPER', 'UNION',
       'Về việc tặng Giấy khen năm học ' || y.label
FROM province_gen.unit u CROSS JOIN province_gen.year y
WHERE y.closed AND EXISTS (SELECT 1 FROM province_gen.pkg p WHERE p.unit_id = u.id AND p.y = y.y AND p.status = 'DECIDED')
UNION ALL
SELECT 'pv_qd_ldld_' || y.y, 'pv_ldld', y.id, y.y, y.start_year, y.label, NULL, NULL,
       (1000 + y.y * 23) || '/QĐ-LĐLĐ', make_date(y.start_year + 1, 8, 15), 'Chủ tịch', 'Liên đoàn Lao động tỉnh Sơn Hà', 'Tổng Liên đoàn Lao động Việt Nam', 'PROVINCE', 'UNION',
       'Về việc tặng Bằng khen, Cờ thi đua năm học ' || y.label
FROM province_gen.year y WHERE y.closed;
ANALYZE pv_dec;

INSERT INTO "AwardDecision" ("id", "organisationId", "schoolYearId", "number", "signedOn", "signerName", "signerTitle", "issuerName", "level", "summary", "side", "issuerParent", "schoolId", "createdById")
SELECT d.id, d.org, d.yid, d.number, d.signed_on,
       (ARRAY['Nguyễn Văn Hải', 'Trần Thị Thu Hà', 'Lê Quang Minh', 'Phạm Đức Thắng', 'Hoàng Thị Mai', 'Võ Văn Long'])[1 + (length(d.org) + coalesce(d.i, 0)) % 6],
       d.signer_title, d.issuer, d.level::"AwardLevel", d.summary, d.side::"AwardRoute", d.issuer_parent, d.sid,
       CASE WHEN d.side = 'STATE' THEN 'pv_usr_h' || substr(d.sid, 5) WHEN d.org = 'pv_ldld' THEN 'pv_usr_ldld' ELSE 'pv_usr_' || d.org END
FROM pv_dec d;

INSERT INTO "DecisionRevocation" ("id", "decisionId", "reason", "number", "revokedOn", "createdById")
SELECT 'pv_th_' || d.id, d.id, 'Phát hiện hồ sơ đề nghị kê khai không đúng ngày công của đoàn viên', (200 + d.i % 50) || '/QĐ-' || 'UBND', DATE '2025-10-15', 'pv_usr_h' || substr(d.sid, 5)
FROM pv_dec d WHERE d.side = 'STATE' AND d.y = 1 AND d.i IN (17, 1234, 2500);

INSERT INTO "Award" ("id", "decisionId", "schoolId", "schoolYearId", "subject", "memberId", "unionGroupId", "recipientName", "titleCode", "level", "achievementKey", "thematic", "nominationItemId")
SELECT 'pv_aw_' || substr(it."id", 7), dec.id, it."schoolId", pk."schoolYearId", it."subject", it."memberId", it."unionGroupId", it."nomineeName", it."titleCode", it."level", it."achievementKey", false, it."id"
FROM "NominationItem" it
JOIN "NominationPackage" pk ON pk."id" = it."packageId"
JOIN "School" s ON s."id" = it."schoolId"
CROSS JOIN LATERAL (SELECT CASE
    WHEN it."titleCode" IN ('LDTT', 'CSTDCS', 'TT_LDTT') THEN 'pv_qd_nn_' || substr(it."schoolId", 5) || '_' || CASE pk."schoolYearId" WHEN 'sy_2024' THEN 1 ELSE 2 END
    WHEN it."titleCode" IN ('GK_CD_CAP_TREN', 'CDCS_HTXS') THEN 'pv_qd_cd_' || substr(s."unionUnitId", 4) || '_' || CASE pk."schoolYearId" WHEN 'sy_2024' THEN 1 ELSE 2 END
    ELSE 'pv_qd_ldld_' || CASE pk."schoolYearId" WHEN 'sy_2024' THEN 1 ELSE 2 END END AS id) dec
WHERE it."id" LIKE 'pv_it_%' AND it."status" IN ('DECIDED', 'REVOKED');
