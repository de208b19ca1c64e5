// Points are stored and summed as integers in tenths (7,5 điểm = 75). These helpers convert for
// display ("7,5") and parse what people type ("7,5", "7.5", "7"). Pure; shared by forms and server.

/** 75 → "7,5"; 80 → "8". */
export function formatPoints(tenths: number | null | undefined): string {
  if (tenths == null) return "";
  const neg = tenths < 0;
  const abs = Math.abs(tenths);
  const whole = Math.floor(abs / 10);
  const frac = abs % 10;
  return `${neg ? "−" : ""}${whole}${frac ? `,${frac}` : ""}`;
}

/**
 * "7,5" / "7.5" / " 7 " → 75. Null when it is not a number with at most one decimal digit.
 * Negative numbers are not points (deductions are their own items).
 */
export function parsePoints(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^\d{1,5}(\.\d)?$/.test(t)) return null;
  const [w, f = "0"] = t.split(".");
  return Number(w) * 10 + Number(f);
}

/**
 * What a points field of the scale builder holds as typed: tenths, a negative number kept as such
 * (so the scale's own checks refuse it beside the field, instead of the field silently keeping its
 * old value: issue 11, a bonus of −2 looked valid), or a message when it is not a number at all.
 */
export function readPointsField(text: string): { value: number | null; error: string | null } {
  const t = text.trim();
  if (t === "") return { value: null, error: "Vui lòng nhập số điểm." };
  const negative = /^[-−–]/.test(t);
  const p = parsePoints(negative ? t.slice(1) : t);
  if (p === null) return { value: null, error: "Nhập số điểm, tối đa một chữ số thập phân (ví dụ 7,5)." };
  return { value: negative ? -p : p, error: null };
}

/** 7.5 → 75 (for literals and tests). */
export function tenths(points: number): number {
  return Math.round(points * 10);
}
