// What a scorer types in a grid cell, and how an entry is shown back. Pure; used by the grid,
// the member's form and the Excel export.
//   ""            not entered
//   "7,5" / "7.5" points
//   "-" / "kad"   không áp dụng (not applicable)
//   "m" / "miễn"  miễn (exempt)
//   "đ" / "k"     Đạt / Không đạt (pass/fail criteria)
import { foldVietnamese } from "../format";
import { formatPoints, parsePoints } from "./points";
import type { Entry } from "./rules";
import type { Criterion } from "./scale";

export type CellParse = { ok: true; entry: Entry | null } | { ok: false; message: string };

export function parseCell(text: string, criterion: Pick<Criterion, "max" | "type" | "name">): CellParse {
  const raw = text.trim();
  if (raw === "") return { ok: true, entry: null };
  const t = foldVietnamese(raw).replace(/\s+/g, "");
  if (t === "-" || t === "–" || t === "kad" || t === "n/a" || t === "na") return { ok: true, entry: { state: "NOT_APPLICABLE" } };
  if (t === "m" || t === "mien") return { ok: true, entry: { state: "EXEMPT" } };
  if (criterion.type === "PASS_FAIL") {
    if (t === "d" || t === "dat" || t === "1") return { ok: true, entry: { state: "SCORED", pass: true } };
    if (t === "k" || t === "kd" || t === "khongdat" || t === "0") return { ok: true, entry: { state: "SCORED", pass: false } };
    return { ok: false, message: `"${criterion.name}": gõ Đ (Đạt) hoặc K (Không đạt).` };
  }
  const p = parsePoints(raw);
  if (p === null) return { ok: false, message: `"${criterion.name}": "${raw}" không phải số điểm (ví dụ 7,5).` };
  if (p > criterion.max) return { ok: false, message: `"${criterion.name}": tối đa ${formatPoints(criterion.max)} điểm.` };
  return { ok: true, entry: { state: "SCORED", points: p } };
}

export function cellText(entry: Entry | null | undefined): string {
  if (!entry) return "";
  if (entry.state === "NOT_APPLICABLE") return "-";
  if (entry.state === "EXEMPT") return "M";
  if (entry.pass !== undefined) return entry.pass ? "Đ" : "K";
  return formatPoints(entry.points ?? 0);
}

export const ENTRY_STATE_LABELS: Record<Entry["state"], string> = {
  SCORED: "Chấm điểm",
  NOT_APPLICABLE: "Không áp dụng",
  EXEMPT: "Miễn",
};
