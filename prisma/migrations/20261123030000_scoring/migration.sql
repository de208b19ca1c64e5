-- Campaigns, scoring scales and scoring (issue 4). Written by hand in Prisma's layout;
-- tests/integration/drift.int.test.ts compares the result with prisma/schema.
-- Points are INTEGER tenths. Adopted scale versions, sealed snapshots and score amendments are
-- protected by triggers at the end of this file.

CREATE TYPE "Movement" AS ENUM ('HAI_TOT', 'DOI_MOI_SANG_TAO', 'GIOI_VIEC_TRUONG', 'LAO_DONG_GIOI', 'XANH_SACH_DEP', 'TAM_GUONG_DAO_DUC', 'KHAC');
CREATE TYPE "CampaignAudience" AS ENUM ('ALL_MEMBERS', 'TEACHERS', 'WOMEN');
CREATE TYPE "CampaignState" AS ENUM ('DRAFT', 'OPEN', 'SCORING', 'CLOSED');
CREATE TYPE "PeriodKind" AS ENUM ('MONTH', 'SEMESTER', 'YEAR', 'ROUND');
CREATE TYPE "PeriodState" AS ENUM ('SELF_ASSESSMENT', 'GROUP_SCORING', 'COUNCIL_REVIEW', 'APPEALS', 'CLOSED');
CREATE TYPE "ScoreStageKind" AS ENUM ('SELF', 'GROUP', 'COUNCIL');
CREATE TYPE "AppealState" AS ENUM ('OPEN', 'ACCEPTED', 'REJECTED');

CREATE TABLE "ScoringScale" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolYearId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "copiedFromId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ScoringScale_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ScaleVersion" (
    "id" TEXT NOT NULL,
    "scaleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "checksum" TEXT,
    "adoptedOn" DATE,
    "resolutionNo" TEXT,
    "adoptedAt" TIMESTAMP(3),
    "adoptedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ScaleVersion_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT,
    "organisationId" TEXT,
    "schoolYearId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "movement" "Movement" NOT NULL,
    "description" TEXT,
    "audience" "CampaignAudience" NOT NULL DEFAULT 'ALL_MEMBERS',
    "titles" TEXT[],
    "scaleId" TEXT,
    "registrationDeadline" DATE,
    "state" "CampaignState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CampaignRound" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "CampaignRound_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Registration" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "memberId" TEXT,
    "unionGroupId" TEXT,
    "title" TEXT NOT NULL,
    "registeredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RegistrationReminder" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "sentById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3),
    CONSTRAINT "RegistrationReminder_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ScorePeriod" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "scaleVersionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PeriodKind" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "state" "PeriodState" NOT NULL DEFAULT 'SELF_ASSESSMENT',
    "appealDeadline" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ScorePeriod_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ScoreSheet" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScoreSheet_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ScoreStage" (
    "id" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "stage" "ScoreStageKind" NOT NULL,
    "data" JSONB NOT NULL,
    "explanation" TEXT,
    "totalTenths" INTEGER NOT NULL,
    "complete" BOOLEAN NOT NULL,
    "classification" TEXT,
    "enteredById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ScoreStage_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "criterionKey" TEXT,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "state" "AppealState" NOT NULL DEFAULT 'OPEN',
    "resolution" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Recusal" (
    "id" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stage" "ScoreStageKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Recusal_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SealedSnapshot" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "stage" "ScoreStageKind" NOT NULL,
    "payload" JSONB NOT NULL,
    "checksum" TEXT NOT NULL,
    "sealedById" TEXT NOT NULL,
    "sealedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SealedSnapshot_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ScoreAmendment" (
    "id" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "stage" "ScoreStageKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "amendedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScoreAmendment_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ScoringScale_schoolId_schoolYearId_idx" ON "ScoringScale"("schoolId", "schoolYearId");
CREATE UNIQUE INDEX "ScaleVersion_scaleId_number_key" ON "ScaleVersion"("scaleId", "number");
CREATE INDEX "Campaign_schoolId_schoolYearId_idx" ON "Campaign"("schoolId", "schoolYearId");
CREATE INDEX "Campaign_organisationId_schoolYearId_idx" ON "Campaign"("organisationId", "schoolYearId");
CREATE INDEX "CampaignRound_campaignId_idx" ON "CampaignRound"("campaignId");
CREATE UNIQUE INDEX "Registration_campaignId_subjectKey_title_key" ON "Registration"("campaignId", "subjectKey", "title");
CREATE INDEX "Registration_schoolId_campaignId_idx" ON "Registration"("schoolId", "campaignId");
CREATE INDEX "Registration_memberId_idx" ON "Registration"("memberId");
CREATE INDEX "RegistrationReminder_memberId_idx" ON "RegistrationReminder"("memberId");
CREATE INDEX "RegistrationReminder_campaignId_idx" ON "RegistrationReminder"("campaignId");
CREATE UNIQUE INDEX "ScorePeriod_campaignId_schoolId_name_key" ON "ScorePeriod"("campaignId", "schoolId", "name");
CREATE INDEX "ScorePeriod_schoolId_idx" ON "ScorePeriod"("schoolId");
CREATE UNIQUE INDEX "ScoreSheet_periodId_memberId_key" ON "ScoreSheet"("periodId", "memberId");
CREATE INDEX "ScoreSheet_memberId_idx" ON "ScoreSheet"("memberId");
CREATE UNIQUE INDEX "ScoreStage_sheetId_stage_key" ON "ScoreStage"("sheetId", "stage");
CREATE UNIQUE INDEX "Evidence_storageKey_key" ON "Evidence"("storageKey");
CREATE INDEX "Evidence_sheetId_idx" ON "Evidence"("sheetId");
CREATE INDEX "Appeal_sheetId_idx" ON "Appeal"("sheetId");
CREATE UNIQUE INDEX "Recusal_sheetId_userId_stage_key" ON "Recusal"("sheetId", "userId", "stage");
CREATE UNIQUE INDEX "SealedSnapshot_periodId_stage_key" ON "SealedSnapshot"("periodId", "stage");
CREATE INDEX "ScoreAmendment_sheetId_idx" ON "ScoreAmendment"("sheetId");

ALTER TABLE "ScoringScale" ADD CONSTRAINT "ScoringScale_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ScoringScale" ADD CONSTRAINT "ScoringScale_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ScaleVersion" ADD CONSTRAINT "ScaleVersion_scaleId_fkey" FOREIGN KEY ("scaleId") REFERENCES "ScoringScale"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_scaleId_fkey" FOREIGN KEY ("scaleId") REFERENCES "ScoringScale"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CampaignRound" ADD CONSTRAINT "CampaignRound_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_unionGroupId_fkey" FOREIGN KEY ("unionGroupId") REFERENCES "UnionGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RegistrationReminder" ADD CONSTRAINT "RegistrationReminder_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RegistrationReminder" ADD CONSTRAINT "RegistrationReminder_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ScorePeriod" ADD CONSTRAINT "ScorePeriod_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ScorePeriod" ADD CONSTRAINT "ScorePeriod_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ScorePeriod" ADD CONSTRAINT "ScorePeriod_scaleVersionId_fkey" FOREIGN KEY ("scaleVersionId") REFERENCES "ScaleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ScorePeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ScoreStage" ADD CONSTRAINT "ScoreStage_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoreSheet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoreSheet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoreSheet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Recusal" ADD CONSTRAINT "Recusal_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoreSheet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SealedSnapshot" ADD CONSTRAINT "SealedSnapshot_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ScorePeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ScoreAmendment" ADD CONSTRAINT "ScoreAmendment_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoreSheet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Decided records cannot be changed by anyone, admin included (SECURITY.md "Workflows and
-- decisions"): sealed snapshots and amendments are append-only; corrections are new amendments.
CREATE FUNCTION scoring_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is sealed (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END $$;

CREATE TRIGGER sealed_snapshot_immutable BEFORE UPDATE OR DELETE ON "SealedSnapshot" FOR EACH ROW EXECUTE FUNCTION scoring_refuse_change();
CREATE TRIGGER sealed_snapshot_no_truncate BEFORE TRUNCATE ON "SealedSnapshot" FOR EACH STATEMENT EXECUTE FUNCTION scoring_refuse_change();
CREATE TRIGGER score_amendment_immutable BEFORE UPDATE OR DELETE ON "ScoreAmendment" FOR EACH ROW EXECUTE FUNCTION scoring_refuse_change();
CREATE TRIGGER score_amendment_no_truncate BEFORE TRUNCATE ON "ScoreAmendment" FOR EACH STATEMENT EXECUTE FUNCTION scoring_refuse_change();

-- An adopted scale version is locked: its content, adoption record and identity never change and
-- it cannot be deleted. A draft may be edited and adopted (adoptedAt set once).
CREATE FUNCTION scale_version_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."adoptedAt" IS NULL THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE'
     OR NEW."definition" IS DISTINCT FROM OLD."definition"
     OR NEW."checksum" IS DISTINCT FROM OLD."checksum"
     OR NEW."adoptedOn" IS DISTINCT FROM OLD."adoptedOn"
     OR NEW."resolutionNo" IS DISTINCT FROM OLD."resolutionNo"
     OR NEW."adoptedAt" IS DISTINCT FROM OLD."adoptedAt"
     OR NEW."adoptedById" IS DISTINCT FROM OLD."adoptedById"
     OR NEW."number" IS DISTINCT FROM OLD."number"
     OR NEW."scaleId" IS DISTINCT FROM OLD."scaleId" THEN
    RAISE EXCEPTION 'ScaleVersion % is adopted and locked (% refused)', OLD."id", TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER scale_version_locked BEFORE UPDATE OR DELETE ON "ScaleVersion" FOR EACH ROW EXECUTE FUNCTION scale_version_locked();
