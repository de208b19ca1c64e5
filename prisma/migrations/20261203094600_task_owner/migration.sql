-- A joint meeting's task names the member responsible when its owner is one member of the school
-- (issue 11): that member, and those who run the meetings, may mark it done when it is done.
ALTER TABLE "MeetingTask" ADD COLUMN "ownerMemberId" TEXT;

CREATE INDEX "MeetingTask_ownerMemberId_idx" ON "MeetingTask"("ownerMemberId");

ALTER TABLE "MeetingTask" ADD CONSTRAINT "MeetingTask_ownerMemberId_fkey" FOREIGN KEY ("ownerMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
