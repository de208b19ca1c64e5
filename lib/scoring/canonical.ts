// Canonical JSON: object keys sorted at every level, no whitespace, undefined dropped. The same
// value always gives the same text, whatever order its keys were built or stored in (PostgreSQL
// jsonb reorders keys), so a checksum over it proves a sealed snapshot unchanged. Pure.

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : sortDeep(x)));
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortDeep(x);
    }
    return out;
  }
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error("canonicalJson: non-finite number");
  return v;
}
