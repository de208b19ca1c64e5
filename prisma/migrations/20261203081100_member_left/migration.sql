-- A member marked as left keeps the day and the reason (issue 11): asked in the confirm dialog.
ALTER TABLE "Member" ADD COLUMN "leftOn" DATE;
ALTER TABLE "Member" ADD COLUMN "leftReason" TEXT;
