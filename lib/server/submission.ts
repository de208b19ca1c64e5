import "server-only";
// One submit, one record (SECURITY.md "Concurrency and resubmission"). Every create form carries
// a per-render key (components/ui/submission-key.tsx, field "submissionKey"); the create runs in
// one transaction that first claims "<action>:<userId>:<key>" in IdempotencyKey and, at the end,
// stores what it returned. A second request with the same key — a double click, a replay 0–45 ms
// later, back-and-resubmit — creates nothing and answers with the first result:
// - after the first committed: the key is found before any work;
// - while the first is still running (PostgreSQL): its insert of the same key waits for the
//   first transaction, then fails on the primary key, its transaction rolls back, and the
//   stored result is read.
// Without a key (scripts, seed, tests that do not care) the create just runs in a transaction.
import { Prisma } from "../generated/prisma/client";
import { getDb } from "./db";

type Tx = Prisma.TransactionClient;

export type SubmissionOptions = {
  /** Runs when the request turned out to be a duplicate (e.g. remove a file written before the transaction). */
  onDuplicate?: () => Promise<void> | void;
  /** Interactive transaction limits for long creates (an import of many rows). */
  transaction?: { timeout?: number; maxWait?: number };
};

/** The stored key for one user, action and form key. */
export function submissionKeyId(userId: string, action: string, key: string): string {
  return `${action}:${userId}:${key}`;
}

/** The JSON kept for a replay (dates become ISO strings; undefined becomes null). */
function stored(result: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return result === undefined ? Prisma.DbNull : (JSON.parse(JSON.stringify(result)) as Prisma.InputJsonValue);
}

async function priorResult(userId: string, keyId: string): Promise<{ result: unknown } | null> {
  const db = await getDb();
  const row = await db.idempotencyKey.findUnique({ where: { key: keyId }, select: { userId: true, result: true } });
  return row && row.userId === userId ? { result: row.result ?? undefined } : null;
}

/**
 * Runs `run` in one transaction, once per (user, action, submission key). A duplicate returns
 * the first submission's result (as stored JSON) without running `run`.
 */
export async function createOnce<R>(
  viewer: { userId: string },
  action: string,
  submissionKey: string | undefined | null,
  run: (tx: Tx) => Promise<R>,
  options: SubmissionOptions = {},
): Promise<R> {
  const db = await getDb();
  if (!submissionKey) return db.$transaction(run, options.transaction);
  const keyId = submissionKeyId(viewer.userId, action, submissionKey);
  const duplicate = async (prior: { result: unknown }) => {
    await options.onDuplicate?.();
    return prior.result as R;
  };
  const before = await priorResult(viewer.userId, keyId);
  if (before) return duplicate(before);
  try {
    return await db.$transaction(async (tx) => {
      await tx.idempotencyKey.create({ data: { key: keyId, userId: viewer.userId } });
      const result = await run(tx);
      await tx.idempotencyKey.update({ where: { key: keyId }, data: { result: stored(result) } });
      return result;
    }, options.transaction);
  } catch (e) {
    // Whatever failed, a committed twin means this request was the duplicate.
    const prior = await priorResult(viewer.userId, keyId);
    if (prior) return duplicate(prior);
    throw e;
  }
}
