// Flags that ask for a second look and never block (issue 4, "Fairness"): a whole union group at
// full marks, group scores far above or below the self-scores, identical sheets. Pure.
import { formatPoints } from "./points";
import { canonicalJson } from "./canonical";
import type { StageData, StageResult } from "./rules";

export type AnomalyKind = "GROUP_ALL_FULL" | "FAR_FROM_SELF" | "GROUP_FAR_FROM_SELF" | "IDENTICAL_SHEETS";

export interface Anomaly {
  kind: AnomalyKind;
  groupId: string | null;
  sheetIds: string[];
  message: string;
}

export interface AnomalyRow {
  sheetId: string;
  memberName: string;
  groupId: string | null;
  groupName: string;
  self: StageResult | null;
  /** The stage under review (group or council). */
  stage: StageResult | null;
  stageData: StageData | null;
}

/** Default distance (tenths) between a stage total and the self-score that asks for a look: 10 points. */
export const FAR_FROM_SELF = 100;

function fullMarks(r: StageResult): boolean {
  return r.complete && r.applicableMax > 0 && r.criteriaScore === r.applicableMax;
}

export function detectAnomalies(rows: AnomalyRow[], far = FAR_FROM_SELF): Anomaly[] {
  const out: Anomaly[] = [];
  const byGroup = new Map<string, AnomalyRow[]>();
  for (const r of rows) {
    const k = r.groupId ?? "";
    byGroup.set(k, [...(byGroup.get(k) ?? []), r]);
  }
  for (const [gid, list] of byGroup) {
    const groupId = gid || null;
    const name = list[0]?.groupName ?? "";
    const scored = list.filter((r) => r.stage?.complete);

    if (scored.length >= 2 && scored.length === list.length && scored.every((r) => fullMarks(r.stage!))) {
      out.push({ kind: "GROUP_ALL_FULL", groupId, sheetIds: scored.map((r) => r.sheetId), message: `Cả ${name} (${scored.length} người) đều đạt điểm tối đa ở mọi tiêu chí.` });
    }

    const pairs = scored.filter((r) => r.self?.complete);
    for (const r of pairs) {
      const diff = r.stage!.total - r.self!.total;
      if (Math.abs(diff) >= far) {
        out.push({ kind: "FAR_FROM_SELF", groupId, sheetIds: [r.sheetId], message: `${r.memberName}: điểm chấm ${diff > 0 ? "cao" : "thấp"} hơn tự chấm ${formatPoints(Math.abs(diff))} điểm.` });
      }
    }
    if (pairs.length >= 3) {
      const mean = Math.round(pairs.reduce((s, r) => s + (r.stage!.total - r.self!.total), 0) / pairs.length);
      if (Math.abs(mean) >= far / 2) {
        out.push({ kind: "GROUP_FAR_FROM_SELF", groupId, sheetIds: pairs.map((r) => r.sheetId), message: `${name}: điểm chấm trung bình ${mean > 0 ? "cao" : "thấp"} hơn tự chấm ${formatPoints(Math.abs(mean))} điểm.` });
      }
    }

    const same = new Map<string, AnomalyRow[]>();
    for (const r of scored) {
      if (fullMarks(r.stage!) || !r.stageData) continue;
      const k = canonicalJson({ e: r.stageData.entries, d: r.stageData.deductions.map((x) => [x.key, x.count]), b: r.stageData.bonus });
      same.set(k, [...(same.get(k) ?? []), r]);
    }
    for (const twins of same.values()) {
      if (twins.length >= 2) {
        out.push({ kind: "IDENTICAL_SHEETS", groupId, sheetIds: twins.map((r) => r.sheetId), message: `Phiếu giống hệt nhau: ${twins.map((r) => r.memberName).join(", ")}.` });
      }
    }
  }
  return out;
}
