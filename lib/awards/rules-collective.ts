// Collective eligibility (DOMAIN.md §6 rules 7–8) and caps and quotas (rules 9–11).
import { formatPercent } from "../format";
import { titleName } from "./catalogue";
import { formatIsoDay, type CollectiveMemberFacts, type PeriodInfo } from "./facts";
import { disciplinesInPeriod } from "./rules-individual";
import { DISCIPLINE_LABELS, applyRatio, formatRatio, gradeAtLeast, meetsRatio, percent, type Ratio, type SettingOf, type Settings } from "./settings";
import { check, settingCheck, verdict, type Check, type Verdict } from "./verdict";

function shareCheck(rule: "ldtt-share" | "htnv-share", part: number, whole: number, setting: SettingOf<Ratio>, what: string): Check {
  const ok = meetsRatio(part, whole, setting.value);
  return settingCheck(rule, ok, setting, `${part}/${whole} thành viên ${what} (${formatPercent(percent(part, whole), 2, true)}), cần ${formatRatio(setting.value)}`, {
    part,
    whole,
    percent: percent(part, whole),
  });
}

/** Rule 7: TT LĐTT — more than 50% LĐTT, nobody disciplined at cảnh cáo or above. */
export function evaluateTtLdtt(members: CollectiveMemberFacts[], period: PeriodInfo, s: Settings): Verdict {
  const ldtt = members.filter((m) => m.ldtt).length;
  const min = s["ttLdtt.blockingDiscipline"];
  const hit = members.filter((m) => disciplinesInPeriod(m.disciplines, period, min.value).length > 0);
  const disc = settingCheck(
    "no-member-disciplined",
    hit.length === 0,
    min,
    hit.length
      ? `${hit.length} thành viên bị kỷ luật từ ${DISCIPLINE_LABELS[min.value].toLowerCase()} trở lên: ${hit.map((m) => `${m.fullName ?? m.memberId} (${disciplinesInPeriod(m.disciplines, period, min.value).map((d) => `${DISCIPLINE_LABELS[d.level].toLowerCase()} ${formatIsoDay(d.decidedOn)}`).join(", ")})`).join("; ")}`
      : `Không có thành viên bị kỷ luật từ ${DISCIPLINE_LABELS[min.value].toLowerCase()} trở lên`,
    { members: hit.map((m) => m.memberId) },
  );
  return verdict("TT_LDTT", [shareCheck("ldtt-share", ldtt, members.length, s["ttLdtt.ldttShare"], "đạt LĐTT"), disc]);
}

/** Rule 8: TT LĐXS — 100% ≥ HTNV, ≥ 70% LĐTT, ≥ 1 CSTĐCS. */
export function evaluateTtLdxs(members: CollectiveMemberFacts[], s: Settings): Verdict {
  const htnv = members.filter((m) => gradeAtLeast(m.grade, "HTNV")).length;
  const ldtt = members.filter((m) => m.ldtt).length;
  const cstdcs = members.filter((m) => m.cstdcs).length;
  const min = s["ttLdxs.minCstdcs"];
  return verdict("TT_LDXS", [
    shareCheck("htnv-share", htnv, members.length, s["ttLdxs.htnvShare"], "hoàn thành nhiệm vụ trở lên"),
    shareCheck("ldtt-share", ldtt, members.length, s["ttLdxs.ldttShare"], "đạt LĐTT"),
    settingCheck("has-cstdcs", cstdcs >= min.value, min, `${cstdcs} cá nhân đạt CSTĐCS, cần từ ${min.value}`, { cstdcs }),
  ]);
}

export function evaluateCollective(members: CollectiveMemberFacts[], period: PeriodInfo, s: Settings): Verdict[] {
  return [evaluateTtLdtt(members, period, s), evaluateTtLdxs(members, s)];
}

/** A collective judged for TT LĐTT / TT LĐXS: the school, a union group, or a professional group. */
export interface CollectiveUnit {
  kind: "SCHOOL" | "UNION_GROUP" | "PROFESSIONAL_GROUP";
  /** Union group id; the professional group's name; null for the school. */
  key: string | null;
  name: string;
}

export interface CollectiveUnitVerdicts {
  unit: CollectiveUnit;
  memberCount: number;
  verdicts: Verdict[];
}

/**
 * Rules 7–8 for every collective of a school: the whole school, each union group (tổ công đoàn)
 * and each professional group (tổ chuyên môn), each judged on its own members. `groupOf` says
 * which union and professional group a member belongs to. Empty groups are left out.
 */
export function evaluateCollectiveUnits(
  members: (CollectiveMemberFacts & { unionGroupId: string | null; unionGroupName: string | null; professionalGroup: string | null })[],
  period: PeriodInfo,
  s: Settings,
): CollectiveUnitVerdicts[] {
  const out: CollectiveUnitVerdicts[] = [{ unit: { kind: "SCHOOL", key: null, name: "Toàn trường" }, memberCount: members.length, verdicts: evaluateCollective(members, period, s) }];
  const groups = new Map<string, { unit: CollectiveUnit; list: CollectiveMemberFacts[] }>();
  for (const m of members) {
    const add = (unit: CollectiveUnit) => {
      const k = `${unit.kind}:${unit.key}`;
      (groups.get(k) ?? groups.set(k, { unit, list: [] }).get(k)!).list.push(m);
    };
    if (m.unionGroupId) add({ kind: "UNION_GROUP", key: m.unionGroupId, name: m.unionGroupName ?? "Tổ công đoàn" });
    const pg = m.professionalGroup?.trim();
    if (pg) add({ kind: "PROFESSIONAL_GROUP", key: pg, name: pg });
  }
  // A professional group with exactly the members of a union group (the usual case) is one collective.
  const sameAs = (a: CollectiveMemberFacts[], b: CollectiveMemberFacts[]) => a.length === b.length && a.every((m) => b.some((x) => x.memberId === m.memberId));
  for (const [k, g] of groups) {
    if (g.unit.kind === "PROFESSIONAL_GROUP" && [...groups.values()].some((u) => u.unit.kind === "UNION_GROUP" && sameAs(u.list, g.list))) groups.delete(k);
  }
  const order = { SCHOOL: 0, UNION_GROUP: 1, PROFESSIONAL_GROUP: 2 } as const;
  const rest = [...groups.values()].sort((a, b) => order[a.unit.kind] - order[b.unit.kind] || a.unit.name.localeCompare(b.unit.name, "vi"));
  for (const g of rest) out.push({ unit: g.unit, memberCount: g.list.length, verdicts: evaluateCollective(g.list, period, s) });
  return out;
}

const ROUNDING_TEXT = { FLOOR: "làm tròn xuống", ROUND: "làm tròn", CEIL: "làm tròn lên" } as const;

/** Rule 9: the most CSTĐCS a unit may propose: 15% of its LĐTT, rounded by the setting (30 → 4). */
export function cstdcsCap(ldttCount: number, s: Settings): number {
  return applyRatio(ldttCount, s["cap.cstdcsShare"].value, s["cap.cstdcsRounding"].value);
}

/** Rule 9 as a check on a package: refuses 4 CSTĐCS for 25 LĐTT (16%) with the reason. */
export function cstdcsCapRule(proposed: number, ldttCount: number, s: Settings): Check {
  const max = cstdcsCap(ldttCount, s);
  const share = s["cap.cstdcsShare"].value;
  const rounding = ROUNDING_TEXT[s["cap.cstdcsRounding"].value];
  const pct = percent(proposed, ldttCount);
  const ok = proposed <= max;
  const detail = ok
    ? `${proposed} CSTĐCS trên ${ldttCount} LĐTT (${formatPercent(pct, 2, true)}), trong hạn mức tối đa ${max}`
    : `Đề nghị ${proposed} CSTĐCS trên ${ldttCount} LĐTT (${formatPercent(pct, 2, true)}) vượt hạn mức ${formatRatio(share).replace(/^từ /, "")}: tối đa ${max} (${rounding})`;
  return settingCheck("cstdcs-cap", ok, s["cap.cstdcsShare"], detail, { proposed, ldttCount, max, percent: pct });
}

/** Rule 10: HTXSNV ≤ 20% of those graded HTTNV or better. */
export function htxsnvCap(atLeastHttnv: number, s: Settings): number {
  return applyRatio(atLeastHttnv, s["cap.htxsnvShare"].value, s["cap.htxsnvRounding"].value);
}

export function htxsnvCapRule(htxsnv: number, atLeastHttnv: number, s: Settings): Check {
  const max = htxsnvCap(atLeastHttnv, s);
  const ok = htxsnv <= max;
  return settingCheck("htxsnv-cap", ok, s["cap.htxsnvShare"], `${htxsnv} HTXSNV trên ${atLeastHttnv} người từ HTTNV trở lên (${formatPercent(percent(htxsnv, atLeastHttnv), 2, true)}), tối đa ${max}`, {
    htxsnv,
    atLeastHttnv,
    max,
  });
}

export interface QuotaFact {
  titleCode: string;
  max: number;
  basis?: string | null;
  /** The school this quota is for (null: the whole upper unit). */
  schoolId?: string | null;
  unitName?: string;
}

/** Rule 11: upper-unit quotas per unit and per award; `used` counts earlier approved/decided ones. */
export function quotaRule(quota: QuotaFact | null | undefined, used: number, requested: number): Check {
  if (!quota) return check("quota", true, "Đơn vị cấp trên chưa giao chỉ tiêu", "Không có chỉ tiêu riêng cho hình thức này");
  const total = used + requested;
  const ok = total <= quota.max;
  const scope = quota.schoolId ? "của trường" : `của ${quota.unitName ?? "đơn vị cấp trên"}`;
  return check("quota", ok, quota.basis ?? "Chỉ tiêu do đơn vị cấp trên giao", `${titleName(quota.titleCode)}: ${total}/${quota.max} theo chỉ tiêu ${scope}${used ? ` (đã dùng ${used})` : ""}${ok ? "" : ", vượt chỉ tiêu"}`, {
    max: quota.max,
    used,
    requested,
  });
}
