-- One submit, one record, for every create form (SECURITY.md "Concurrency and resubmission").
-- The key is "<action>:<userId>:<form key>" (so unique per user and action); the first
-- submission's result is kept so that a resubmit answers with it instead of creating again.
ALTER TABLE "IdempotencyKey" ADD COLUMN "result" JSONB;
CREATE INDEX "IdempotencyKey_userId_createdAt_idx" ON "IdempotencyKey"("userId", "createdAt");
