-- Issue 11: the union fields a school keeps on a member record (CCCD, dân tộc, quê quán, số thẻ
-- đoàn viên, đảng viên), and the "must choose a new password" flag an administrator's reset sets.
-- Written by hand in Prisma's layout; tests/integration/drift.int.test.ts compares it with the schema.

ALTER TABLE "Member" ADD COLUMN "citizenId" TEXT,
ADD COLUMN "ethnicity" TEXT,
ADD COLUMN "hometown" TEXT,
ADD COLUMN "unionCardNumber" TEXT,
ADD COLUMN "partyMember" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "partyJoinedAt" DATE;

ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
