-- Coordination plans (kế hoạch phối hợp) with sections, calendar, targets and comments; joint
-- meetings (họp liên tịch) with attendees and tasks. Written by hand in Prisma's layout;
-- tests/integration/drift.int.test.ts compares the result with prisma/schema/plans.prisma.
-- After the Prisma part: a CHECK (a plan belongs to a school or to an upper unit) and the
-- triggers that make signed plans and closed minutes immutable (SECURITY.md).

CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'SIGNED');
CREATE TYPE "PlanSide" AS ENUM ('GOV', 'UNION', 'BOTH');
CREATE TYPE "TargetUnit" AS ENUM ('PERCENT', 'COUNT');
CREATE TYPE "TargetComparator" AS ENUM ('AT_LEAST', 'AT_MOST');
CREATE TYPE "MeetingKind" AS ENUM ('REGULAR', 'DISCIPLINE', 'REWARD', 'WELFARE', 'MOVEMENT', 'OTHER');
CREATE TYPE "MeetingStatus" AS ENUM ('PLANNED', 'HELD', 'CLOSED', 'CANCELLED');
CREATE TYPE "AttendeeRole" AS ENUM ('PRINCIPAL', 'PARTY_SECRETARY', 'UNION_CHAIR', 'YOUTH_UNION', 'PIONEER_LEADER', 'OTHER');
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

CREATE TABLE "CoordinationPlan" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT,
    "organisationId" TEXT,
    "schoolYearId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "amendsId" TEXT,
    "amendmentReason" TEXT,
    "copiedFromId" TEXT,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "issuerParent" TEXT NOT NULL,
    "issuerName" TEXT NOT NULL,
    "docNumber" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "issuedOn" DATE,
    "title" TEXT NOT NULL,
    "recipients" TEXT NOT NULL,
    "govSignerTitle" TEXT NOT NULL,
    "unionSignerTitle" TEXT NOT NULL,
    "meetingDay" INTEGER NOT NULL DEFAULT 5,
    "submittedAt" TIMESTAMP(3),
    "govSignerId" TEXT,
    "govSignerName" TEXT,
    "govSignedAt" TIMESTAMP(3),
    "unionSignerId" TEXT,
    "unionSignerName" TEXT,
    "unionSignedAt" TIMESTAMP(3),
    "signedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "CoordinationPlan_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PlanSection" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "PlanSection_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PlanCalendarItem" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "onDate" DATE,
    "content" TEXT NOT NULL,
    "leadSide" "PlanSide" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "PlanCalendarItem_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PlanTarget" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "measureKey" TEXT NOT NULL,
    "unit" "TargetUnit" NOT NULL,
    "comparator" "TargetComparator" NOT NULL DEFAULT 'AT_LEAST',
    "targetValue" DOUBLE PRECISION NOT NULL,
    "manualActual" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "PlanTarget_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PlanComment" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlanComment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "JointMeeting" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "planId" TEXT,
    "kind" "MeetingKind" NOT NULL DEFAULT 'REGULAR',
    "periodMonth" INTEGER,
    "title" TEXT NOT NULL,
    "scheduledOn" DATE NOT NULL,
    "heldAt" TIMESTAMP(3),
    "location" TEXT,
    "docNumber" TEXT,
    "chairName" TEXT,
    "secretaryName" TEXT,
    "agenda" TEXT,
    "discussion" TEXT,
    "decisions" TEXT,
    "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "JointMeeting_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MeetingAttendee" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "role" "AttendeeRole" NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "present" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL,
    CONSTRAINT "MeetingAttendee_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MeetingTask" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL,
    "ownerSide" "PlanSide" NOT NULL,
    "dueOn" DATE,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "followUp" TEXT,
    "reviewedInId" TEXT,
    "doneOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "MeetingTask_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "CoordinationPlan_amendsId_key" ON "CoordinationPlan"("amendsId");
CREATE INDEX "CoordinationPlan_schoolYearId_idx" ON "CoordinationPlan"("schoolYearId");
CREATE UNIQUE INDEX "CoordinationPlan_schoolId_schoolYearId_revision_key" ON "CoordinationPlan"("schoolId", "schoolYearId", "revision");
CREATE UNIQUE INDEX "CoordinationPlan_organisationId_schoolYearId_revision_key" ON "CoordinationPlan"("organisationId", "schoolYearId", "revision");
CREATE UNIQUE INDEX "PlanSection_planId_key_key" ON "PlanSection"("planId", "key");
CREATE UNIQUE INDEX "PlanCalendarItem_planId_key_key" ON "PlanCalendarItem"("planId", "key");
CREATE UNIQUE INDEX "PlanTarget_planId_key_key" ON "PlanTarget"("planId", "key");
CREATE INDEX "PlanComment_planId_sectionKey_idx" ON "PlanComment"("planId", "sectionKey");
CREATE INDEX "JointMeeting_schoolId_scheduledOn_idx" ON "JointMeeting"("schoolId", "scheduledOn");
CREATE INDEX "JointMeeting_schoolYearId_idx" ON "JointMeeting"("schoolYearId");
CREATE UNIQUE INDEX "JointMeeting_schoolId_kind_periodMonth_key" ON "JointMeeting"("schoolId", "kind", "periodMonth");
CREATE INDEX "MeetingAttendee_meetingId_idx" ON "MeetingAttendee"("meetingId");
CREATE INDEX "MeetingTask_meetingId_idx" ON "MeetingTask"("meetingId");
CREATE INDEX "MeetingTask_reviewedInId_idx" ON "MeetingTask"("reviewedInId");
CREATE INDEX "MeetingTask_status_dueOn_idx" ON "MeetingTask"("status", "dueOn");

ALTER TABLE "CoordinationPlan" ADD CONSTRAINT "CoordinationPlan_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CoordinationPlan" ADD CONSTRAINT "CoordinationPlan_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CoordinationPlan" ADD CONSTRAINT "CoordinationPlan_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CoordinationPlan" ADD CONSTRAINT "CoordinationPlan_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "CoordinationPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CoordinationPlan" ADD CONSTRAINT "CoordinationPlan_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "CoordinationPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CoordinationPlan" ADD CONSTRAINT "CoordinationPlan_govSignerId_fkey" FOREIGN KEY ("govSignerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CoordinationPlan" ADD CONSTRAINT "CoordinationPlan_unionSignerId_fkey" FOREIGN KEY ("unionSignerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PlanSection" ADD CONSTRAINT "PlanSection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CoordinationPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PlanCalendarItem" ADD CONSTRAINT "PlanCalendarItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CoordinationPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PlanTarget" ADD CONSTRAINT "PlanTarget_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CoordinationPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PlanComment" ADD CONSTRAINT "PlanComment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CoordinationPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PlanComment" ADD CONSTRAINT "PlanComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "JointMeeting" ADD CONSTRAINT "JointMeeting_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "JointMeeting" ADD CONSTRAINT "JointMeeting_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "JointMeeting" ADD CONSTRAINT "JointMeeting_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CoordinationPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "JointMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MeetingTask" ADD CONSTRAINT "MeetingTask_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "JointMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MeetingTask" ADD CONSTRAINT "MeetingTask_reviewedInId_fkey" FOREIGN KEY ("reviewedInId") REFERENCES "JointMeeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A plan belongs to exactly one school or one upper unit.
ALTER TABLE "CoordinationPlan" ADD CONSTRAINT "CoordinationPlan_owner_check" CHECK (("schoolId" IS NULL) <> ("organisationId" IS NULL));

-- Signed plans are decided records: nobody (admin and the app's own role included) may update
-- or delete them, nor add, change or remove their content. Corrections are amendments
-- (a new plan row with amendsId). The signing itself (SUBMITTED → SIGNED) is still an update of
-- a row that was not yet signed, so it passes.
CREATE FUNCTION plan_signed_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'SIGNED' THEN
    RAISE EXCEPTION 'CoordinationPlan % is signed and cannot be changed (% refused)', OLD."id", TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION plan_content_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (SELECT 1 FROM "CoordinationPlan" p WHERE p."id" = OLD."planId" AND p."status" = 'SIGNED') THEN
    RAISE EXCEPTION '% of a signed plan cannot be changed (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND TG_TABLE_NAME <> 'PlanComment' AND EXISTS (SELECT 1 FROM "CoordinationPlan" p WHERE p."id" = NEW."planId" AND p."status" = 'SIGNED') THEN
    RAISE EXCEPTION '% cannot be added to a signed plan (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER plan_signed_immutable BEFORE UPDATE OR DELETE ON "CoordinationPlan" FOR EACH ROW EXECUTE FUNCTION plan_signed_refuse();
CREATE TRIGGER plan_section_immutable BEFORE INSERT OR UPDATE OR DELETE ON "PlanSection" FOR EACH ROW EXECUTE FUNCTION plan_content_refuse();
CREATE TRIGGER plan_item_immutable BEFORE INSERT OR UPDATE OR DELETE ON "PlanCalendarItem" FOR EACH ROW EXECUTE FUNCTION plan_content_refuse();
CREATE TRIGGER plan_target_immutable BEFORE INSERT OR UPDATE OR DELETE ON "PlanTarget" FOR EACH ROW EXECUTE FUNCTION plan_content_refuse();
CREATE TRIGGER plan_comment_immutable BEFORE UPDATE OR DELETE ON "PlanComment" FOR EACH ROW EXECUTE FUNCTION plan_content_refuse();

-- Closed minutes likewise: the meeting row and its attendees are frozen. Tasks stay open to
-- follow-up (status, result), which is their purpose.
CREATE FUNCTION meeting_closed_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'CLOSED' THEN
    RAISE EXCEPTION 'JointMeeting % is closed and cannot be changed (% refused)', OLD."id", TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION meeting_attendee_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (SELECT 1 FROM "JointMeeting" m WHERE m."id" = OLD."meetingId" AND m."status" = 'CLOSED') THEN
    RAISE EXCEPTION 'attendees of a closed meeting cannot be changed (% refused)', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (SELECT 1 FROM "JointMeeting" m WHERE m."id" = NEW."meetingId" AND m."status" = 'CLOSED') THEN
    RAISE EXCEPTION 'attendees cannot be added to a closed meeting (% refused)', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER meeting_closed_immutable BEFORE UPDATE OR DELETE ON "JointMeeting" FOR EACH ROW EXECUTE FUNCTION meeting_closed_refuse();
CREATE TRIGGER meeting_attendee_immutable BEFORE INSERT OR UPDATE OR DELETE ON "MeetingAttendee" FOR EACH ROW EXECUTE FUNCTION meeting_attendee_refuse();
