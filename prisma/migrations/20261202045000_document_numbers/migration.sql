-- Issue 12 (documents, revocation): numbers of the tờ trình and the council minutes, given when
-- submitted / closed from a per-issuer, per-year counter; the place of an upper unit's date line;
-- a nominee of a revoked decision may be decided again (its earlier award stays, marked revoked:
-- one nominee may now have several Award rows, so the unique key on Award.nominationItemId goes).
-- Written by hand in Prisma's layout; tests/integration/drift.int.test.ts compares it with the schema.

ALTER TABLE "Organisation" ADD COLUMN "place" TEXT;

ALTER TABLE "NominationPackage" ADD COLUMN "number" TEXT,
ADD COLUMN "numberYear" INTEGER;

CREATE UNIQUE INDEX "NominationPackage_schoolId_numberYear_number_key" ON "NominationPackage"("schoolId", "numberYear", "number");

ALTER TABLE "CouncilMeeting" ADD COLUMN "number" TEXT,
ADD COLUMN "numberYear" INTEGER;

DROP INDEX "Award_nominationItemId_key";

CREATE INDEX "Award_nominationItemId_idx" ON "Award"("nominationItemId");

CREATE TABLE "DocumentCounter" (
    "issuerKey" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "DocumentCounter_pkey" PRIMARY KEY ("issuerKey","year","symbol")
);

