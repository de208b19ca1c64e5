-- Holiday calendar (issue 11): public holidays and the Tết break, on which no joint meeting is
-- scheduled. Rows with organisationId NULL are the national calendar (seeded below for 2024–2030
-- from lib/holidays/calendar.ts NATIONAL_HOLIDAYS; 2027 onwards projected by the Labour Code
-- rule until announced); an upper unit adds its own days, which apply to the schools under it.
CREATE TYPE "HolidayKind" AS ENUM ('PUBLIC', 'TET', 'EXTRA');

CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT,
    "kind" "HolidayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "lunarNewYear" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Holiday_range_check" CHECK ("endsOn" >= "startsOn" AND "endsOn" - "startsOn" <= 31)
);

CREATE INDEX "Holiday_startsOn_endsOn_idx" ON "Holiday"("startsOn", "endsOn");

CREATE INDEX "Holiday_organisationId_startsOn_idx" ON "Holiday"("organisationId", "startsOn");

ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

INSERT INTO "Holiday" ("id", "organisationId", "kind", "name", "startsOn", "endsOn", "lunarNewYear") VALUES
    ('hol-2024-new-year', NULL, 'PUBLIC', 'Tết Dương lịch', '2023-12-30', '2024-01-01', NULL),
    ('hol-2024-tet', NULL, 'TET', 'Tết Nguyên đán (mùng 1 Tết: 10/02/2024)', '2024-02-08', '2024-02-14', '2024-02-10'),
    ('hol-2024-hung-kings', NULL, 'PUBLIC', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', '2024-04-18', '2024-04-18', NULL),
    ('hol-2024-labour', NULL, 'PUBLIC', 'Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5', '2024-04-27', '2024-05-01', NULL),
    ('hol-2024-national', NULL, 'PUBLIC', 'Quốc khánh 2/9', '2024-08-31', '2024-09-03', NULL),
    ('hol-2025-new-year', NULL, 'PUBLIC', 'Tết Dương lịch', '2025-01-01', '2025-01-01', NULL),
    ('hol-2025-tet', NULL, 'TET', 'Tết Nguyên đán (mùng 1 Tết: 29/01/2025)', '2025-01-25', '2025-02-02', '2025-01-29'),
    ('hol-2025-hung-kings', NULL, 'PUBLIC', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', '2025-04-05', '2025-04-07', NULL),
    ('hol-2025-labour', NULL, 'PUBLIC', 'Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5', '2025-04-30', '2025-05-04', NULL),
    ('hol-2025-national', NULL, 'PUBLIC', 'Quốc khánh 2/9', '2025-08-30', '2025-09-02', NULL),
    ('hol-2026-new-year', NULL, 'PUBLIC', 'Tết Dương lịch', '2026-01-01', '2026-01-01', NULL),
    ('hol-2026-tet', NULL, 'TET', 'Tết Nguyên đán (mùng 1 Tết: 17/02/2026)', '2026-02-14', '2026-02-22', '2026-02-17'),
    ('hol-2026-hung-kings', NULL, 'PUBLIC', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', '2026-04-25', '2026-04-27', NULL),
    ('hol-2026-labour', NULL, 'PUBLIC', 'Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5', '2026-04-30', '2026-05-03', NULL),
    ('hol-2026-national', NULL, 'PUBLIC', 'Quốc khánh 2/9', '2026-09-01', '2026-09-02', NULL),
    ('hol-2027-new-year', NULL, 'PUBLIC', 'Tết Dương lịch', '2027-01-01', '2027-01-03', NULL),
    ('hol-2027-tet', NULL, 'TET', 'Tết Nguyên đán (mùng 1 Tết: 06/02/2027) – dự kiến theo Bộ luật Lao động', '2027-02-05', '2027-02-11', '2027-02-06'),
    ('hol-2027-hung-kings', NULL, 'PUBLIC', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', '2027-04-16', '2027-04-18', NULL),
    ('hol-2027-labour', NULL, 'PUBLIC', 'Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5', '2027-04-30', '2027-05-03', NULL),
    ('hol-2027-national', NULL, 'PUBLIC', 'Quốc khánh 2/9', '2027-09-01', '2027-09-02', NULL),
    ('hol-2028-new-year', NULL, 'PUBLIC', 'Tết Dương lịch', '2028-01-01', '2028-01-03', NULL),
    ('hol-2028-tet', NULL, 'TET', 'Tết Nguyên đán (mùng 1 Tết: 26/01/2028) – dự kiến theo Bộ luật Lao động', '2028-01-25', '2028-01-31', '2028-01-26'),
    ('hol-2028-hung-kings', NULL, 'PUBLIC', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', '2028-04-04', '2028-04-04', NULL),
    ('hol-2028-labour', NULL, 'PUBLIC', 'Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5', '2028-04-29', '2028-05-02', NULL),
    ('hol-2028-national', NULL, 'PUBLIC', 'Quốc khánh 2/9', '2028-09-01', '2028-09-04', NULL),
    ('hol-2029-new-year', NULL, 'PUBLIC', 'Tết Dương lịch', '2028-12-30', '2029-01-01', NULL),
    ('hol-2029-tet', NULL, 'TET', 'Tết Nguyên đán (mùng 1 Tết: 13/02/2029) – dự kiến theo Bộ luật Lao động', '2029-02-10', '2029-02-18', '2029-02-13'),
    ('hol-2029-hung-kings', NULL, 'PUBLIC', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', '2029-04-21', '2029-04-23', NULL),
    ('hol-2029-labour', NULL, 'PUBLIC', 'Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5', '2029-04-28', '2029-05-01', NULL),
    ('hol-2029-national', NULL, 'PUBLIC', 'Quốc khánh 2/9', '2029-09-01', '2029-09-04', NULL),
    ('hol-2030-new-year', NULL, 'PUBLIC', 'Tết Dương lịch', '2030-01-01', '2030-01-01', NULL),
    ('hol-2030-tet', NULL, 'TET', 'Tết Nguyên đán (mùng 1 Tết: 03/02/2030) – dự kiến theo Bộ luật Lao động', '2030-02-02', '2030-02-10', '2030-02-03'),
    ('hol-2030-hung-kings', NULL, 'PUBLIC', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', '2030-04-12', '2030-04-14', NULL),
    ('hol-2030-labour', NULL, 'PUBLIC', 'Ngày Chiến thắng 30/4 và Quốc tế Lao động 1/5', '2030-04-30', '2030-05-01', NULL),
    ('hol-2030-national', NULL, 'PUBLIC', 'Quốc khánh 2/9', '2030-08-31', '2030-09-03', NULL);
