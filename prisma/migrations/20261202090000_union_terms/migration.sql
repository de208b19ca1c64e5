-- Issue 9 (periods): union terms (nhiệm kỳ) per upper unit, a report period beside school
-- years, calendar years and date ranges. Written by hand in Prisma's layout;
-- tests/integration/drift.int.test.ts compares it with the schema.

CREATE TABLE "UnionTerm" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "congressOn" DATE,
    "nextCongressOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UnionTerm_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "UnionTerm_range_check" CHECK ("endsOn" > "startsOn")
);

CREATE UNIQUE INDEX "UnionTerm_organisationId_label_key" ON "UnionTerm"("organisationId", "label");

CREATE INDEX "UnionTerm_organisationId_startsOn_idx" ON "UnionTerm"("organisationId", "startsOn");

ALTER TABLE "UnionTerm" ADD CONSTRAINT "UnionTerm_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
