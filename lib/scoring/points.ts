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

/** 7.5 → 75 (for literals and tests). */
export function tenths(points: number): number {
  return Math.round(points * 10);
}
