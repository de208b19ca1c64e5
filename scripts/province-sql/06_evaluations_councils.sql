-- Province generator step 6: the facts eligibility reads (yearly evaluations for the two
-- completed years, disciplines, open cases, initiatives with their authors) and each school's
-- emulation council per year with its seven seats; the year-end meeting of each completed year
-- (closed, with attendance: written while open, then closed, as the app does).

INSERT INTO "MemberEvaluation" ("id", "memberId", "schoolId", "schoolYearId", "grade", "standardRating", "registered", "absenceWorkingDays", "maternityLeaveDays", "note", "updatedAt")
SELECT 'pv_ev_' || m.mi || '_' || y.y, m."id", m."schoolId", y.id, g.grade::"CivilServantGrade",
       CASE g.grade WHEN 'HTXSNV' THEN 'TOT' WHEN 'HTTNV' THEN 'KHA' WHEN 'HTNV' THEN 'DAT' ELSE 'CHUA_DAT' END::"StandardRating",
       province_gen.r(m.mi, 40 + y.y) < 0.95,
       CASE WHEN province_gen.r(m.mi, 110 + y.y) < 0.01 THEN 30 + floor(province_gen.r(m.mi, 111) * 30)::int ELSE floor(province_gen.r(m.mi, 112 + y.y) * 5)::int END,
       CASE WHEN m."status" = 'MATERNITY_LEAVE' AND y.y = 2 THEN 120 ELSE 0 END,
       CASE WHEN m."status" = 'MATERNITY_LEAVE' AND y.y = 2 THEN 'Nghỉ thai sản từ 02/2026' END,
       now()
FROM (SELECT mm.*, substr(mm."id", 5)::int AS mi FROM "Member" mm WHERE mm."id" LIKE 'pv_m%' AND mm."status" <> 'LEFT') m
CROSS JOIN province_gen.year y
CROSS JOIN LATERAL (SELECT CASE WHEN province_gen.r(m.mi, 100 + y.y) < 0.15 THEN 'HTXSNV'
                                WHEN province_gen.r(m.mi, 100 + y.y) < 0.93 THEN 'HTTNV'
                                WHEN province_gen.r(m.mi, 100 + y.y) < 0.99 THEN 'HTNV' ELSE 'KHTNV' END AS grade) g
WHERE y.closed;

INSERT INTO "Discipline" ("id", "schoolId", "memberId", "level", "decidedOn", "effectiveTo", "decisionNumber", "reason")
SELECT 'pv_kl_' || substr(m."id", 5), m."schoolId", m."id",
       CASE WHEN province_gen.r(substr(m."id", 5)::int, 120) < 0.0025 THEN 'KHIEN_TRACH' ELSE 'CANH_CAO' END::"DisciplineLevel",
       DATE '2024-11-01' + floor(province_gen.r(substr(m."id", 5)::int, 121) * 600)::int, NULL,
       (10 + substr(m."id", 5)::int % 40) || '/QĐ-' || 'TRG', 'Vi phạm quy định về dạy thêm, học thêm'
FROM "Member" m WHERE m."id" LIKE 'pv_m%' AND province_gen.r(substr(m."id", 5)::int, 120) < 0.004;

INSERT INTO "OpenCase" ("id", "schoolId", "memberId", "kind", "summary", "openedOn", "closedOn", "updatedAt")
SELECT 'pv_vv_' || substr(m."id", 5), m."schoolId", m."id", 'COMPLAINT', 'Đơn phản ánh của phụ huynh đang được xác minh',
       DATE '2026-05-01' + floor(province_gen.r(substr(m."id", 5)::int, 131) * 200)::int,
       CASE WHEN province_gen.r(substr(m."id", 5)::int, 132) < 0.5 THEN DATE '2026-11-25' END, now()
FROM "Member" m WHERE m."id" LIKE 'pv_m%' AND province_gen.r(substr(m."id", 5)::int, 130) < 0.0015;

-- Initiatives: about 6% of a school's members each year, recognised in April.
CREATE TEMP TABLE pv_sk ON COMMIT DROP AS
SELECT 'pv_sk_' || substr(s.id, 5) || '_' || y.y || '_' || n AS id, s.id AS sid, s.i, s.m_start, s.size, y.y, y.id AS yid, y.start_year, n
FROM province_gen.school s CROSS JOIN province_gen.year y CROSS JOIN LATERAL generate_series(1, greatest(1, s.size * 6 / 100)) n
WHERE y.closed;
ANALYZE pv_sk;

INSERT INTO "Initiative" ("id", "schoolId", "schoolYearId", "title", "field", "level", "recognisedBy", "decisionNumber", "recognisedOn", "applied", "appliedNote", "evidence", "updatedAt")
SELECT k.id, k.sid, k.yid,
       (ARRAY['Một số biện pháp rèn kỹ năng đọc hiểu cho học sinh', 'Tổ chức trò chơi học tập trong giờ Toán', 'Ứng dụng bản đồ tư duy trong dạy học',
              'Giáo dục kỹ năng sống qua hoạt động trải nghiệm', 'Quản lý hồ sơ chuyên môn trên môi trường số', 'Xây dựng văn hóa đọc trong nhà trường',
              'Dạy học phân hóa theo năng lực học sinh', 'Phối hợp với cha mẹ học sinh qua nhóm lớp trực tuyến'])[1 + (k.i + k.n * 3) % 8]
         || ' (năm học ' || (k.start_year) || '–' || (k.start_year + 1) || ')',
       'Chuyên môn',
       CASE WHEN province_gen.r(k.i * 100 + k.n, 140 + k.y) < 0.03 THEN 'PROVINCE' WHEN province_gen.r(k.i * 100 + k.n, 140 + k.y) < 0.2 THEN 'DIRECT_UPPER' ELSE 'SCHOOL' END::"AwardLevel",
       'Hội đồng sáng kiến', (5 + k.i % 30) || '/QĐ-HĐSK', make_date(k.start_year + 1, 4, 10 + k.i % 15),
       province_gen.r(k.i * 100 + k.n, 145) < 0.9, 'Áp dụng tại các lớp trong năm học', 'Báo cáo sáng kiến lưu tại văn phòng', now()
FROM pv_sk k;

INSERT INTO "InitiativeAuthor" ("initiativeId", "memberId")
SELECT k.id, 'pv_m' || lpad((k.m_start + 7 + ((k.n * 7 + k.y * 3) % (k.size - 7)))::text, 6, '0') FROM pv_sk k;

-- Councils: seats j = 0 (chair), 1 and 7 (vice chairs: vice principal, union chair), 4 (secretary), 8–10.
INSERT INTO "Council" ("id", "schoolId", "schoolYearId", "name", "decisionNumber", "establishedOn", "updatedAt")
SELECT 'pv_hd_' || substr(s.id, 5) || '_' || y.y, s.id, y.id, 'Hội đồng Thi đua – Khen thưởng ' || s.name, (2 + s.i % 6) || '/QĐ-TRG', make_date(y.start_year, 9, 8), now()
FROM province_gen.school s CROSS JOIN province_gen.year y;

INSERT INTO "CouncilMember" ("id", "councilId", "memberId", "role", "position")
SELECT 'pv_hd_' || substr(s.id, 5) || '_' || y.y || '_' || seat.j, 'pv_hd_' || substr(s.id, 5) || '_' || y.y, 'pv_m' || lpad((s.m_start + seat.j)::text, 6, '0'),
       seat.role::"CouncilRole", seat.pos
FROM province_gen.school s CROSS JOIN province_gen.year y CROSS JOIN (VALUES
  (0, 'CHAIR', 'Hiệu trưởng'), (1, 'VICE_CHAIR', 'Phó hiệu trưởng'), (7, 'VICE_CHAIR', 'Chủ tịch Công đoàn'), (4, 'SECRETARY', 'Văn thư'),
  (8, 'MEMBER', 'Tổ trưởng chuyên môn'), (9, 'MEMBER', 'Tổ trưởng chuyên môn'), (10, 'MEMBER', 'Đại diện giáo viên')
) AS seat(j, role, pos);

INSERT INTO "CouncilMeeting" ("id", "councilId", "heldOn", "location", "purpose", "status", "memberCount", "presentCount", "minutesNote", "number", "numberYear")
SELECT 'pv_hdh_' || substr(s.id, 5) || '_' || y.y, 'pv_hd_' || substr(s.id, 5) || '_' || y.y, make_date(y.start_year + 1, 5, 26), 'Phòng họp nhà trường',
       'Xét danh hiệu thi đua và hình thức khen thưởng năm học ' || y.label, 'OPEN', 7, CASE WHEN s.i % 9 = 0 THEN 6 ELSE 7 END,
       'Hội đồng đủ số thành viên theo quy chế; biểu quyết theo từng đề nghị.', lpad((1 + s.i % 9)::text, 2, '0') || '/BB-HĐTĐKT', y.start_year + 1
FROM province_gen.school s CROSS JOIN province_gen.year y WHERE y.closed;

INSERT INTO "CouncilAttendance" ("meetingId", "councilMemberId")
SELECT 'pv_hdh_' || substr(s.id, 5) || '_' || y.y, 'pv_hd_' || substr(s.id, 5) || '_' || y.y || '_' || seat.j
FROM province_gen.school s CROSS JOIN province_gen.year y CROSS JOIN (VALUES (0), (1), (7), (4), (8), (9), (10)) AS seat(j)
WHERE y.closed AND NOT (s.i % 9 = 0 AND seat.j = 10);

UPDATE "CouncilMeeting" SET "status" = 'CLOSED', "closedAt" = "heldOn"::timestamp + interval '11 hours' WHERE "id" LIKE 'pv_hdh_%';
