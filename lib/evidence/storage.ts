import "server-only";
// Evidence files and dossier papers live outside public/ (UPLOAD_DIR, default .data/uploads),
// under random names; the database keeps the original name. They are read only after a scoped
// look-up (lib/evidence/queries.ts, lib/nominations/queries.ts) and sent by lib/evidence/response.ts.
import { randomBytes, createHash } from "node:crypto";
import { mkdir, readFile, writeFile, unlink } from "node:fs/promises";
import path from "node:path";

export function uploadDir(): string {
  return path.resolve(process.env.UPLOAD_DIR ?? path.join(process.cwd(), ".data", "uploads"));
}

function pathOf(key: string): string {
  if (!/^[0-9a-f]{32}$/.test(key)) throw new Error("bad storage key");
  return path.join(uploadDir(), key.slice(0, 2), key);
}

/** Stores bytes under a new random key; returns the key and the content's sha-256. */
export async function storeFile(bytes: Uint8Array): Promise<{ key: string; sha256: string }> {
  const key = randomBytes(16).toString("hex");
  const file = pathOf(key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes, { flag: "wx", mode: 0o600 });
  return { key, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export function readStoredFile(key: string): Promise<Buffer> {
  return readFile(pathOf(key));
}

/** Best effort, for a transaction that failed after the file was written. */
export async function removeStoredFile(key: string): Promise<void> {
  await unlink(pathOf(key)).catch(() => {});
}
