-- Who decides what (issue 12): the authority table as data, a package's route (union or state,
-- split from one school package), and the state decision recorded by the school with its scan.
-- AwardDecision rows stay immutable (the triggers of 20261123040000_awards): only new nullable
-- columns here, no UPDATE of existing rows (older decisions read their side from the organisation).
-- Written by hand in Prisma's layout; tests/integration/drift.int.test.ts compares it with the schema.

CREATE TYPE "AwardRoute" AS ENUM ('UNION', 'STATE');

CREATE TABLE "AwardAuthority" (
    "id" TEXT NOT NULL,
    "titleCode" TEXT NOT NULL,
    "side" "AwardRoute" NOT NULL,
    "bodyKind" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "schoolManager" "OrgType",
    "level" "AwardLevel" NOT NULL,
    "proposerRole" "Role" NOT NULL,
    "basis" TEXT NOT NULL,
    "source" "SettingSource" NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "AwardAuthority_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AwardAuthority_titleCode_idx" ON "AwardAuthority"("titleCode");

ALTER TABLE "NominationPackage" ADD COLUMN "route" "AwardRoute" NOT NULL DEFAULT 'UNION',
ADD COLUMN "authorityKind" TEXT,
ADD COLUMN "authorityName" TEXT,
ADD COLUMN "splitFromId" TEXT,
ADD COLUMN "sentAt" TIMESTAMP(3),
ADD COLUMN "sentById" TEXT;

ALTER TABLE "AwardDecision" ADD COLUMN "side" "AwardRoute",
ADD COLUMN "issuerParent" TEXT,
ADD COLUMN "schoolId" TEXT,
ADD COLUMN "scanStorageKey" TEXT,
ADD COLUMN "scanFileName" TEXT,
ADD COLUMN "scanMime" TEXT,
ADD COLUMN "scanSizeBytes" INTEGER,
ADD COLUMN "scanSha256" TEXT;

CREATE UNIQUE INDEX "AwardDecision_scanStorageKey_key" ON "AwardDecision"("scanStorageKey");
CREATE INDEX "AwardDecision_schoolId_idx" ON "AwardDecision"("schoolId");
