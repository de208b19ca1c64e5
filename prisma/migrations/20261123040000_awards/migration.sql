-- Awards (issue 5): evaluation facts (grades, absences), initiatives, disciplines and open cases,
-- the school council with meetings and ballots, nomination packages with their history,
-- objections and papers, decisions, revocations and the awards registry, setting overrides and
-- quotas, in-app notices. Written by hand in Prisma's layout; tests/integration/drift.int.test.ts
-- compares the result with prisma/schema/awards.prisma. After the Prisma part: the triggers
-- that make decisions, awards, revocations and closed council meetings immutable (SECURITY.md).

CREATE TYPE "CivilServantGrade" AS ENUM ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV');
CREATE TYPE "StandardRating" AS ENUM ('TOT', 'KHA', 'DAT', 'CHUA_DAT');
CREATE TYPE "DisciplineLevel" AS ENUM ('KHIEN_TRACH', 'CANH_CAO', 'HA_BAC_LUONG', 'GIANG_CHUC', 'CACH_CHUC', 'BUOC_THOI_VIEC');
CREATE TYPE "OpenCaseKind" AS ENUM ('DISCIPLINE_REVIEW', 'INVESTIGATION', 'INSPECTION', 'COMPLAINT');
CREATE TYPE "AwardLevel" AS ENUM ('SCHOOL', 'DIRECT_UPPER', 'PROVINCE', 'NATIONAL');
CREATE TYPE "SettingSource" AS ENUM ('LAW', 'OLD', 'PRACTICE', 'ASSUMED');
CREATE TYPE "NomineeKind" AS ENUM ('MEMBER', 'UNION_GROUP', 'SCHOOL');
CREATE TYPE "NominationPackageStatus" AS ENUM ('DRAFT', 'POSTED', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'DECIDED');
CREATE TYPE "NominationItemStatus" AS ENUM ('DRAFT', 'POSTED', 'SUBMITTED', 'RETURNED', 'APPROVED', 'APPROVED_CHANGED', 'REJECTED', 'DECIDED', 'REVOKED', 'WITHDRAWN');
CREATE TYPE "DossierDocKind" AS ENUM ('TO_TRINH', 'DANH_SACH', 'BIEN_BAN_HOP', 'BIEN_BAN_KIEM_PHIEU', 'BAO_CAO_THANH_TICH', 'BAN_SAO_QUYET_DINH', 'CONG_NHAN_SANG_KIEN', 'MINH_CHUNG');
CREATE TYPE "CouncilRole" AS ENUM ('CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER');
CREATE TYPE "CouncilMeetingStatus" AS ENUM ('OPEN', 'CLOSED');

CREATE TABLE "AwardSetting" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "schoolYearId" TEXT,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "basis" TEXT NOT NULL,
    "source" "SettingSource" NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "AwardSetting_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AwardQuota" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "schoolId" TEXT,
    "titleCode" TEXT NOT NULL,
    "max" INTEGER NOT NULL,
    "basis" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AwardQuota_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MemberEvaluation" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "grade" "CivilServantGrade",
    "standardRating" "StandardRating",
    "registered" BOOLEAN NOT NULL DEFAULT false,
    "absenceWorkingDays" INTEGER NOT NULL DEFAULT 0,
    "maternityLeaveDays" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "MemberEvaluation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "field" TEXT,
    "summary" TEXT,
    "level" "AwardLevel",
    "recognisedBy" TEXT,
    "decisionNumber" TEXT,
    "recognisedOn" DATE,
    "applied" BOOLEAN NOT NULL DEFAULT false,
    "appliedNote" TEXT,
    "evidence" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "InitiativeAuthor" (
    "initiativeId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    CONSTRAINT "InitiativeAuthor_pkey" PRIMARY KEY ("initiativeId","memberId")
);

CREATE TABLE "Discipline" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "level" "DisciplineLevel" NOT NULL,
    "decidedOn" DATE NOT NULL,
    "effectiveTo" DATE,
    "decisionNumber" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Discipline_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OpenCase" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" "OpenCaseKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "openedOn" DATE NOT NULL,
    "closedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "OpenCase_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Council" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "decisionNumber" TEXT,
    "establishedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Council_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CouncilMember" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "role" "CouncilRole" NOT NULL DEFAULT 'MEMBER',
    "position" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CouncilMember_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CouncilMeeting" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "location" TEXT,
    "purpose" TEXT NOT NULL,
    "status" "CouncilMeetingStatus" NOT NULL DEFAULT 'OPEN',
    "memberCount" INTEGER NOT NULL,
    "presentCount" INTEGER NOT NULL,
    "closedAt" TIMESTAMP(3),
    "minutesNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CouncilMeeting_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CouncilAttendance" (
    "meetingId" TEXT NOT NULL,
    "councilMemberId" TEXT NOT NULL,
    CONSTRAINT "CouncilAttendance_pkey" PRIMARY KEY ("meetingId","councilMemberId")
);

CREATE TABLE "CouncilVote" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "titleCode" TEXT NOT NULL,
    "secret" BOOLEAN NOT NULL,
    "issued" INTEGER NOT NULL,
    "returned" INTEGER NOT NULL,
    "valid" INTEGER NOT NULL,
    "agree" INTEGER NOT NULL,
    "baseCount" INTEGER NOT NULL,
    "required" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "basis" TEXT NOT NULL,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "CouncilVote_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "NominationPackage" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "NominationPackageStatus" NOT NULL DEFAULT 'DRAFT',
    "coverNote" TEXT,
    "deadline" DATE,
    "reopenedUntil" DATE,
    "postedOn" DATE,
    "submittedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "NominationPackage_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "NominationItem" (
    "id" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "subject" "NomineeKind" NOT NULL,
    "memberId" TEXT,
    "unionGroupId" TEXT,
    "nomineeName" TEXT NOT NULL,
    "titleCode" TEXT NOT NULL,
    "level" "AwardLevel" NOT NULL,
    "achievementKey" TEXT NOT NULL,
    "achievementSummary" TEXT,
    "status" "NominationItemStatus" NOT NULL DEFAULT 'DRAFT',
    "approvedTitleCode" TEXT,
    "approvedLevel" "AwardLevel",
    "reviewNote" TEXT,
    "eligibility" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "NominationItem_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "NominationEvent" (
    "id" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "itemId" TEXT,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "comment" TEXT,
    "actorUserId" TEXT,
    "actorName" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NominationEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "NominationObjection" (
    "id" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "itemId" TEXT,
    "memberId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "evidence" TEXT,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NominationObjection_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "DossierDocument" (
    "id" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "itemId" TEXT,
    "kind" "DossierDocKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "reference" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DossierDocument_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AwardDecision" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "signedOn" DATE NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerTitle" TEXT NOT NULL,
    "issuerName" TEXT NOT NULL,
    "level" "AwardLevel" NOT NULL,
    "summary" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AwardDecision_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "DecisionRevocation" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "number" TEXT,
    "revokedOn" DATE NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DecisionRevocation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Award" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "subject" "NomineeKind" NOT NULL,
    "memberId" TEXT,
    "unionGroupId" TEXT,
    "recipientName" TEXT NOT NULL,
    "titleCode" TEXT NOT NULL,
    "level" "AwardLevel" NOT NULL,
    "achievementKey" TEXT NOT NULL,
    "thematic" BOOLEAN NOT NULL DEFAULT false,
    "nominationItemId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AwardNotice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "schoolId" TEXT,
    "message" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AwardNotice_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AwardSetting_organisationId_key_idx" ON "AwardSetting"("organisationId", "key");
CREATE INDEX "AwardQuota_organisationId_schoolYearId_idx" ON "AwardQuota"("organisationId", "schoolYearId");
CREATE INDEX "MemberEvaluation_schoolId_schoolYearId_idx" ON "MemberEvaluation"("schoolId", "schoolYearId");
CREATE UNIQUE INDEX "MemberEvaluation_memberId_schoolYearId_key" ON "MemberEvaluation"("memberId", "schoolYearId");
CREATE INDEX "Initiative_schoolId_schoolYearId_idx" ON "Initiative"("schoolId", "schoolYearId");
CREATE INDEX "InitiativeAuthor_memberId_idx" ON "InitiativeAuthor"("memberId");
CREATE INDEX "Discipline_schoolId_idx" ON "Discipline"("schoolId");
CREATE INDEX "Discipline_memberId_idx" ON "Discipline"("memberId");
CREATE INDEX "OpenCase_schoolId_idx" ON "OpenCase"("schoolId");
CREATE INDEX "OpenCase_memberId_idx" ON "OpenCase"("memberId");
CREATE UNIQUE INDEX "Council_schoolId_schoolYearId_key" ON "Council"("schoolId", "schoolYearId");
CREATE INDEX "CouncilMember_memberId_idx" ON "CouncilMember"("memberId");
CREATE UNIQUE INDEX "CouncilMember_councilId_memberId_key" ON "CouncilMember"("councilId", "memberId");
CREATE INDEX "CouncilMeeting_councilId_idx" ON "CouncilMeeting"("councilId");
CREATE INDEX "CouncilVote_itemId_idx" ON "CouncilVote"("itemId");
CREATE UNIQUE INDEX "CouncilVote_meetingId_itemId_key" ON "CouncilVote"("meetingId", "itemId");
CREATE INDEX "NominationPackage_schoolId_schoolYearId_idx" ON "NominationPackage"("schoolId", "schoolYearId");
CREATE INDEX "NominationPackage_organisationId_status_idx" ON "NominationPackage"("organisationId", "status");
CREATE INDEX "NominationItem_schoolId_idx" ON "NominationItem"("schoolId");
CREATE INDEX "NominationItem_memberId_idx" ON "NominationItem"("memberId");
CREATE UNIQUE INDEX "NominationItem_packageId_memberId_titleCode_key" ON "NominationItem"("packageId", "memberId", "titleCode");
CREATE INDEX "NominationEvent_packageId_at_idx" ON "NominationEvent"("packageId", "at");
CREATE INDEX "NominationEvent_itemId_idx" ON "NominationEvent"("itemId");
CREATE INDEX "NominationObjection_packageId_idx" ON "NominationObjection"("packageId");
CREATE INDEX "NominationObjection_memberId_idx" ON "NominationObjection"("memberId");
CREATE INDEX "DossierDocument_packageId_idx" ON "DossierDocument"("packageId");
CREATE INDEX "AwardDecision_schoolYearId_idx" ON "AwardDecision"("schoolYearId");
CREATE UNIQUE INDEX "AwardDecision_organisationId_number_key" ON "AwardDecision"("organisationId", "number");
CREATE UNIQUE INDEX "DecisionRevocation_decisionId_key" ON "DecisionRevocation"("decisionId");
CREATE UNIQUE INDEX "Award_nominationItemId_key" ON "Award"("nominationItemId");
CREATE INDEX "Award_schoolId_schoolYearId_idx" ON "Award"("schoolId", "schoolYearId");
CREATE INDEX "Award_memberId_idx" ON "Award"("memberId");
CREATE INDEX "Award_decisionId_idx" ON "Award"("decisionId");
CREATE INDEX "AwardNotice_userId_createdAt_idx" ON "AwardNotice"("userId", "createdAt");

ALTER TABLE "AwardSetting" ADD CONSTRAINT "AwardSetting_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AwardSetting" ADD CONSTRAINT "AwardSetting_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AwardQuota" ADD CONSTRAINT "AwardQuota_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AwardQuota" ADD CONSTRAINT "AwardQuota_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MemberEvaluation" ADD CONSTRAINT "MemberEvaluation_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MemberEvaluation" ADD CONSTRAINT "MemberEvaluation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MemberEvaluation" ADD CONSTRAINT "MemberEvaluation_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InitiativeAuthor" ADD CONSTRAINT "InitiativeAuthor_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InitiativeAuthor" ADD CONSTRAINT "InitiativeAuthor_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Discipline" ADD CONSTRAINT "Discipline_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Discipline" ADD CONSTRAINT "Discipline_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OpenCase" ADD CONSTRAINT "OpenCase_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OpenCase" ADD CONSTRAINT "OpenCase_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Council" ADD CONSTRAINT "Council_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Council" ADD CONSTRAINT "Council_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CouncilMember" ADD CONSTRAINT "CouncilMember_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CouncilMember" ADD CONSTRAINT "CouncilMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CouncilMeeting" ADD CONSTRAINT "CouncilMeeting_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CouncilAttendance" ADD CONSTRAINT "CouncilAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CouncilAttendance" ADD CONSTRAINT "CouncilAttendance_councilMemberId_fkey" FOREIGN KEY ("councilMemberId") REFERENCES "CouncilMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CouncilVote" ADD CONSTRAINT "CouncilVote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CouncilVote" ADD CONSTRAINT "CouncilVote_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "NominationItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NominationPackage" ADD CONSTRAINT "NominationPackage_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NominationPackage" ADD CONSTRAINT "NominationPackage_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NominationPackage" ADD CONSTRAINT "NominationPackage_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NominationItem" ADD CONSTRAINT "NominationItem_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "NominationPackage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NominationItem" ADD CONSTRAINT "NominationItem_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "NominationItem" ADD CONSTRAINT "NominationItem_unionGroupId_fkey" FOREIGN KEY ("unionGroupId") REFERENCES "UnionGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "NominationEvent" ADD CONSTRAINT "NominationEvent_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "NominationPackage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NominationEvent" ADD CONSTRAINT "NominationEvent_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "NominationItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "NominationObjection" ADD CONSTRAINT "NominationObjection_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "NominationPackage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NominationObjection" ADD CONSTRAINT "NominationObjection_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "NominationItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "NominationObjection" ADD CONSTRAINT "NominationObjection_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DossierDocument" ADD CONSTRAINT "DossierDocument_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "NominationPackage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DossierDocument" ADD CONSTRAINT "DossierDocument_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "NominationItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AwardDecision" ADD CONSTRAINT "AwardDecision_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AwardDecision" ADD CONSTRAINT "AwardDecision_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DecisionRevocation" ADD CONSTRAINT "DecisionRevocation_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "AwardDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Award" ADD CONSTRAINT "Award_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "AwardDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Award" ADD CONSTRAINT "Award_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Award" ADD CONSTRAINT "Award_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Award" ADD CONSTRAINT "Award_unionGroupId_fkey" FOREIGN KEY ("unionGroupId") REFERENCES "UnionGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Award" ADD CONSTRAINT "Award_nominationItemId_fkey" FOREIGN KEY ("nominationItemId") REFERENCES "NominationItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Decisions, their awards and revocations are decided records: nobody (admin and the app's own
-- role included) may update or delete them. A revocation is a new DecisionRevocation row; the
-- decision and its awards stay, shown as revoked.
CREATE FUNCTION award_record_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END $$;

CREATE TRIGGER award_decision_immutable BEFORE UPDATE OR DELETE ON "AwardDecision" FOR EACH ROW EXECUTE FUNCTION award_record_refuse();
CREATE TRIGGER award_decision_no_truncate BEFORE TRUNCATE ON "AwardDecision" FOR EACH STATEMENT EXECUTE FUNCTION award_record_refuse();
CREATE TRIGGER award_immutable BEFORE UPDATE OR DELETE ON "Award" FOR EACH ROW EXECUTE FUNCTION award_record_refuse();
CREATE TRIGGER award_no_truncate BEFORE TRUNCATE ON "Award" FOR EACH STATEMENT EXECUTE FUNCTION award_record_refuse();
CREATE TRIGGER decision_revocation_immutable BEFORE UPDATE OR DELETE ON "DecisionRevocation" FOR EACH ROW EXECUTE FUNCTION award_record_refuse();
CREATE TRIGGER decision_revocation_no_truncate BEFORE TRUNCATE ON "DecisionRevocation" FOR EACH STATEMENT EXECUTE FUNCTION award_record_refuse();

-- A closed council meeting is the minutes (biên bản): the meeting, its attendance and its ballots
-- are frozen. Closing itself (OPEN → CLOSED) is an update of an open row, so it passes.
CREATE FUNCTION council_meeting_closed_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE st "CouncilMeetingStatus";
BEGIN
  IF TG_TABLE_NAME = 'CouncilMeeting' THEN
    st := OLD."status";
  ELSE
    SELECT "status" INTO st FROM "CouncilMeeting" WHERE "id" = (CASE WHEN TG_OP = 'INSERT' THEN NEW."meetingId" ELSE OLD."meetingId" END);
  END IF;
  IF st = 'CLOSED' THEN
    RAISE EXCEPTION 'Council meeting is closed (% on % refused)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER council_meeting_closed_immutable BEFORE UPDATE OR DELETE ON "CouncilMeeting" FOR EACH ROW EXECUTE FUNCTION council_meeting_closed_refuse();
CREATE TRIGGER council_attendance_closed_immutable BEFORE INSERT OR UPDATE OR DELETE ON "CouncilAttendance" FOR EACH ROW EXECUTE FUNCTION council_meeting_closed_refuse();
CREATE TRIGGER council_vote_closed_immutable BEFORE INSERT OR UPDATE OR DELETE ON "CouncilVote" FOR EACH ROW EXECUTE FUNCTION council_meeting_closed_refuse();
