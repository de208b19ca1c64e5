// The audit anchor (docs/decisions/0006-immutable-records-and-audit-anchor.md).
//
// The database chains the audit log (each row hashes the previous row's hash, foundation
// migration), but whoever owns the table can cut rows off the end, or change a row and recompute
// the chain with the public hash function. Two things the database does not hold close that gap:
//   - a seal per row: HMAC-SHA256(key, "<id>:<hash>") in "AuditSeal", written by record() in the
//     same transaction as the row, under a key kept outside the database (AUDIT_HMAC_KEY, else
//     the generated file .data/audit-key);
//   - checkpoints (genesis, last id, head hash, count, HMAC) appended to a JSON-lines file outside
//     the database (AUDIT_CHECKPOINT_FILE, default .data/audit-checkpoints.jsonl) that an operator
//     can ship elsewhere: written when the audit page verifies (at most every
//     AUDIT_CHECKPOINT_MINUTES, default 15) and by `npm run audit:checkpoint`.
// verifyAnchoredChain() reports "tampered" (a row no longer matches its hash: audit_verify()),
// "truncated" (rows a checkpoint saw are gone) and "rechained" (the head differs from a
// checkpoint's, or a row's seal does not match).
//
// No "server-only" here: scripts (audit:checkpoint, backup/restore) and tests use it too; the
// app reaches it through lib/audit/queries.ts and lib/audit/record.ts.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../generated/prisma/client";

/** Anything with tagged raw queries: the PrismaClient or a transaction client. */
type Raw = Pick<PrismaClient, "$queryRaw">;

const keyCache = new Map<string, Buffer>();

function dataDir(): string {
  return path.join(process.cwd(), ".data");
}

/** The file holding the generated key when AUDIT_HMAC_KEY is not set. */
export function auditKeyFile(): string {
  return path.resolve(process.env.AUDIT_KEY_FILE ?? path.join(dataDir(), "audit-key"));
}

export function checkpointFile(): string {
  return path.resolve(process.env.AUDIT_CHECKPOINT_FILE ?? path.join(dataDir(), "audit-checkpoints.jsonl"));
}

function checkpointMinutes(): number {
  const n = Number(process.env.AUDIT_CHECKPOINT_MINUTES ?? 15);
  return Number.isFinite(n) && n >= 0 ? n : 15;
}

/**
 * The HMAC key: AUDIT_HMAC_KEY (at least 32 characters), else .data/audit-key, created with 32
 * random bytes on first use (mode 600; a concurrent creator's key wins, both then read it).
 */
export function auditKey(): Buffer {
  const env = process.env.AUDIT_HMAC_KEY;
  if (env) {
    if (env.length < 32) throw new Error("AUDIT_HMAC_KEY phải dài ít nhất 32 ký tự (ví dụ: openssl rand -base64 32).");
    return Buffer.from(env, "utf8");
  }
  const file = auditKeyFile();
  const cached = keyCache.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    text = readFileSync(file, "utf8").trim();
  }
  if (text.length < 32) throw new Error(`${file}: khóa nhật ký quá ngắn.`);
  const key = Buffer.from(text, "utf8");
  keyCache.set(file, key);
  return key;
}

function hmac(key: Buffer, text: string): string {
  return createHmac("sha256", key).update(text, "utf8").digest("hex");
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Names the key without revealing it, so checkpoints of another key (tests, other installs) are told apart. */
export function keyId(key = auditKey()): string {
  return hmac(key, "thidua-audit-key-id").slice(0, 16);
}

/** The seal of one audit row: HMAC over its id and hash. */
export function sealOf(id: bigint | string, hash: string, key = auditKey()): string {
  return hmac(key, `${id.toString()}:${hash}`);
}

export interface Checkpoint {
  v: 1;
  /** ISO time the checkpoint was taken. */
  at: string;
  keyId: string;
  /** current_database(), for the operator. */
  database: string;
  /** Hash of the first row: the chain this checkpoint belongs to (survives dump/restore). */
  genesis: string;
  lastId: string;
  headHash: string;
  count: number;
  /** First sealed row at the time (older rows predate the anchor); null when none. */
  sealedFrom: string | null;
  mac: string;
}

const FIELDS = ["v", "at", "keyId", "database", "genesis", "lastId", "headHash", "count", "sealedFrom"] as const;

function checkpointMac(c: Omit<Checkpoint, "mac">, key: Buffer): string {
  return hmac(key, JSON.stringify(FIELDS.map((f) => c[f])));
}

/** Valid checkpoints of this key (HMAC checked), oldest first; lines of other keys are skipped, forged ones counted. */
export function readCheckpoints(file = checkpointFile(), key = auditKey()): { checkpoints: Checkpoint[]; forged: number } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { checkpoints: [], forged: 0 };
    throw e;
  }
  const id = keyId(key);
  const checkpoints: Checkpoint[] = [];
  let forged = 0;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    let c: Checkpoint;
    try {
      c = JSON.parse(line) as Checkpoint;
    } catch {
      forged++;
      continue;
    }
    if (c?.keyId !== id) continue;
    if (typeof c.mac !== "string" || !sameHex(c.mac, checkpointMac(c, key))) {
      forged++;
      continue;
    }
    checkpoints.push(c);
  }
  return { checkpoints, forged };
}

interface ChainHead {
  database: string;
  count: number;
  genesis: string | null;
  lastId: bigint | null;
  headHash: string | null;
  sealedFrom: bigint | null;
}

async function chainHead(db: Raw): Promise<ChainHead> {
  const [r] = await db.$queryRaw<{ database: string; count: bigint; genesis: string | null; lastId: bigint | null; headHash: string | null; sealedFrom: bigint | null }[]>`
    SELECT current_database() AS "database",
           (SELECT count(*) FROM "AuditLog") AS "count",
           (SELECT "hash" FROM "AuditLog" ORDER BY "id" ASC LIMIT 1) AS "genesis",
           (SELECT "id" FROM "AuditLog" ORDER BY "id" DESC LIMIT 1) AS "lastId",
           (SELECT "hash" FROM "AuditLog" ORDER BY "id" DESC LIMIT 1) AS "headHash",
           (SELECT min("auditId") FROM "AuditSeal") AS "sealedFrom"`;
  return { database: r.database, count: Number(r.count), genesis: r.genesis, lastId: r.lastId === null ? null : BigInt(r.lastId), headHash: r.headHash, sealedFrom: r.sealedFrom === null ? null : BigInt(r.sealedFrom) };
}

export type AnchorVerdict =
  | {
      ok: true;
      rows: number;
      /** The checkpoint compared against, if any. */
      checkpoint: { at: string; lastId: string; count: number } | null;
      /** Rows written before the anchor existed and after no checkpoint: covered by the bare chain only. */
      unsealed: number;
      /** Lines of the checkpoint file with this key whose HMAC is wrong (the file was edited). */
      forgedCheckpoints: number;
    }
  | { ok: false; kind: "tampered"; firstBadId: string }
  | { ok: false; kind: "truncated"; checkpointAt: string | null; lastId: string; expectedCount: number | null; foundCount: number }
  | { ok: false; kind: "rechained"; checkpointAt: string | null; firstBadId: string | null; reason: "head" | "seal" };

const BATCH = 5000;

/**
 * The whole verdict: audit_verify() (rows match their hashes and link up), then the latest
 * checkpoint of this chain (its last row still there, the count up to it unchanged, the hash at
 * it unchanged), then the seal of every row after that checkpoint (from the first sealed row on),
 * and seals left without their row (rows cut off after the last checkpoint).
 */
export async function verifyAnchoredChain(db: Raw, opts: { file?: string; key?: Buffer } = {}): Promise<AnchorVerdict> {
  const key = opts.key ?? auditKey();
  const [bad] = await db.$queryRaw<{ bad: bigint | null }[]>`SELECT audit_verify() AS bad`;
  if (bad?.bad != null) return { ok: false, kind: "tampered", firstBadId: bad.bad.toString() };

  const head = await chainHead(db);
  const { checkpoints, forged } = readCheckpoints(opts.file ?? checkpointFile(), key);
  const mine = head.genesis ? checkpoints.filter((c) => c.genesis === head.genesis) : [];
  const cp = mine.reduce<Checkpoint | null>((best, c) => (!best || BigInt(c.lastId) > BigInt(best.lastId) || (c.lastId === best.lastId && c.at > best.at) ? c : best), null);

  let after = 0n;
  let sealedFrom = head.sealedFrom;
  if (cp) {
    const lastId = BigInt(cp.lastId);
    const [r] = await db.$queryRaw<{ hash: string | null; upTo: bigint }[]>`
      SELECT (SELECT "hash" FROM "AuditLog" WHERE "id" = ${lastId}) AS "hash",
             (SELECT count(*) FROM "AuditLog" WHERE "id" <= ${lastId}) AS "upTo"`;
    const upTo = Number(r.upTo);
    if (r.hash === null || upTo < cp.count) {
      return { ok: false, kind: "truncated", checkpointAt: cp.at, lastId: cp.lastId, expectedCount: cp.count, foundCount: upTo };
    }
    if (!sameHex(r.hash, cp.headHash) || upTo !== cp.count) {
      return { ok: false, kind: "rechained", checkpointAt: cp.at, firstBadId: null, reason: "head" };
    }
    after = lastId;
    if (cp.sealedFrom !== null) sealedFrom = BigInt(cp.sealedFrom);
  }

  // Seals of the rows the checkpoint does not cover.
  let unsealed = 0;
  let cursor = after;
  for (;;) {
    const rows = await db.$queryRaw<{ id: bigint; hash: string; mac: string | null }[]>`
      SELECT a."id", a."hash", s."mac" FROM "AuditLog" a LEFT JOIN "AuditSeal" s ON s."auditId" = a."id"
      WHERE a."id" > ${cursor} ORDER BY a."id" LIMIT ${BATCH}`;
    for (const row of rows) {
      const id = BigInt(row.id);
      if (sealedFrom === null || id < sealedFrom) {
        unsealed++;
        continue;
      }
      if (row.mac === null || !sameHex(row.mac, sealOf(id, row.hash, key))) {
        return { ok: false, kind: "rechained", checkpointAt: cp?.at ?? null, firstBadId: id.toString(), reason: "seal" };
      }
    }
    if (rows.length < BATCH) break;
    cursor = BigInt(rows[rows.length - 1].id);
  }

  // A seal whose row is gone: rows were deleted (typically cut off the end) after the last checkpoint.
  const [orphan] = await db.$queryRaw<{ id: bigint | null }[]>`
    SELECT min(s."auditId") AS "id" FROM "AuditSeal" s WHERE s."auditId" > ${after}
      AND NOT EXISTS (SELECT 1 FROM "AuditLog" a WHERE a."id" = s."auditId")`;
  if (orphan?.id != null) {
    return { ok: false, kind: "truncated", checkpointAt: cp?.at ?? null, lastId: orphan.id.toString(), expectedCount: null, foundCount: head.count };
  }

  return { ok: true, rows: head.count, checkpoint: cp ? { at: cp.at, lastId: cp.lastId, count: cp.count } : null, unsealed, forgedCheckpoints: forged };
}

/**
 * Verifies, then appends a checkpoint of the current head when the chain is intact and it moved
 * since the last one, unless one was written less than AUDIT_CHECKPOINT_MINUTES ago (`force`
 * skips that wait). Never anchors a chain that fails verification. Returns the verdict and
 * whether a checkpoint was written.
 */
export async function checkpointAuditChain(db: Raw, opts: { force?: boolean; file?: string; key?: Buffer; now?: Date } = {}): Promise<{ verdict: AnchorVerdict; written: Checkpoint | null }> {
  const key = opts.key ?? auditKey();
  const file = opts.file ?? checkpointFile();
  const verdict = await verifyAnchoredChain(db, { file, key });
  if (!verdict.ok) return { verdict, written: null };
  const head = await chainHead(db);
  if (head.lastId === null || head.genesis === null || head.headHash === null) return { verdict, written: null };
  const now = opts.now ?? new Date();
  const last = readCheckpoints(file, key).checkpoints.filter((c) => c.genesis === head.genesis).at(-1);
  if (last && last.lastId === head.lastId.toString() && last.count === head.count) return { verdict, written: null };
  if (last && !opts.force && now.getTime() - Date.parse(last.at) < checkpointMinutes() * 60_000) return { verdict, written: null };
  const body: Omit<Checkpoint, "mac"> = {
    v: 1,
    at: now.toISOString(),
    keyId: keyId(key),
    database: head.database,
    genesis: head.genesis,
    lastId: head.lastId.toString(),
    headHash: head.headHash,
    count: head.count,
    sealedFrom: last?.sealedFrom ?? head.sealedFrom?.toString() ?? null,
  };
  const written: Checkpoint = { ...body, mac: checkpointMac(body, key) };
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, JSON.stringify(written) + "\n", { mode: 0o600 });
  return { verdict, written };
}
