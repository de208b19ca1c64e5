// The printed sheet's date line and signature blocks (issue 11: the date line was blank and only
// the member signed). Pure: the print loader fills the names, the sheet renders them.
import type { ScoreStageKind } from "../generated/prisma/enums";
import { todayVN } from "../time";

export interface Signer {
  stage: ScoreStageKind;
  /** "TM. HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG" above the role, or null. */
  onBehalfOf: string | null;
  /** "NGƯỜI TỰ ĐÁNH GIÁ", "TỔ TRƯỞNG CÔNG ĐOÀN", "CHỦ TỊCH". */
  role: string;
  /** The signer's full name; "" when nobody holds the role (signed by hand). */
  name: string;
  /** The stage's date: when it was sealed, else when it was last entered; null before. */
  date: Date | null;
}

const two = (n: number) => String(n).padStart(2, "0");

/** "Sơn Thủy, ngày 20 tháng 05 năm 2026" (Vietnam's calendar day); dots where unknown, to fill by hand. */
export function dateLine(place: string, date: Date | null): string {
  const where = place.trim() || "……………";
  if (!date) return `${where}, ngày …… tháng …… năm 20……`;
  const d = todayVN(date);
  return `${where}, ngày ${two(d.getUTCDate())} tháng ${two(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}

const ORDER: ScoreStageKind[] = ["SELF", "GROUP", "COUNCIL"];

/** The date of the sheet: its most advanced stage's date (the council's seal once sealed). */
export function sheetDate(signers: readonly Signer[]): Date | null {
  for (const s of [...ORDER].reverse()) {
    const d = signers.find((x) => x.stage === s)?.date;
    if (d) return d;
  }
  return null;
}
