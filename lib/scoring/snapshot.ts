// Sealed snapshots (issue 4): when a stage is confirmed its numbers are written once, with a
// sha-256 checksum of their canonical JSON. Anyone can recompute the checksum from the stored
// payload and prove it unchanged; a database trigger refuses UPDATE and DELETE. Uses node:crypto,
// so it is server/test code (the pure rules stay browser-safe).
import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical";

export function checksumOf(payload: unknown): string {
  return createHash("sha256").update(canonicalJson(payload), "utf8").digest("hex");
}

/** True when the stored payload still matches the checksum written when it was sealed. */
export function verifySnapshot(s: { payload: unknown; checksum: string }): boolean {
  return checksumOf(s.payload) === s.checksum;
}
