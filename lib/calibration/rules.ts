// Calibration (issue 9): questions for a person, never verdicts. Pure: from each school's
// classification counts and its stage-vs-self movements (lib/calibration/queries.ts, set-based
// SQL), the distribution of its peers (same upper unit, same school level) and the questions worth
// asking. Thresholds are named constants and the page prints them.
import { FAR_FROM_SELF } from "../scoring/anomalies";
import { formatNumber, formatPercent } from "../format";

/** The top band's label on the scales (lib/scoring/templates.ts). */
export const EXCELLENT = "Xuất sắc";
/** "Almost everyone Xuất sắc": at least this share of the classified sheets. */
export const ALMOST_ALL_EXCELLENT = 0.9;
/** Fewer classified sheets than this and a share says nothing. */
export const MIN_CLASSIFIED = 5;
/** The school's Xuất sắc share this far above its peers' (percentage points / 100) asks a question. */
export const PEER_GAP = 0.3;
/** A stage that moves scores this far from the self-score on average (tenths; 10 points, as the per-sheet flag). */
export const FAR_MEAN = FAR_FROM_SELF;
/** Fewer sheets with both scores than this and "never moves" says nothing. */
export const MIN_PAIRS = 5;

export type Stage = "GROUP" | "COUNCIL";
export const STAGE_NAMES: Record<Stage, string> = { GROUP: "tổ công đoàn", COUNCIL: "hội đồng" };

export interface StageMoves {
  stage: Stage;
  /** Sheets with both the self-score and this stage's score complete. */
  pairs: number;
  /** Of those, sheets whose stage total differs from the self-score. */
  moved: number;
  /** Mean of |stage − self| over the pairs, in tenths. */
  meanAbsTenths: number;
  /** Mean of (stage − self), in tenths (sign: up or down). */
  meanTenths: number;
}

export interface SchoolStats {
  schoolId: string;
  name: string;
  level: string;
  unionUnitId: string;
  /** The scoring period the figures come from (the evidence), null when none has results. */
  periodId: string | null;
  /** Final classification (council, else group) → number of sheets. */
  counts: Record<string, number>;
  classified: number;
  moves: StageMoves[];
}

export type QuestionKind = "ALMOST_ALL_EXCELLENT" | "ABOVE_PEERS" | "FAR_FROM_SELF" | "NEVER_MOVES";

export interface Question {
  kind: QuestionKind;
  stage?: Stage;
  text: string;
}

export const QUESTION_LABELS: Record<QuestionKind, string> = {
  ALMOST_ALL_EXCELLENT: "Gần như tất cả Xuất sắc",
  ABOVE_PEERS: "Cao hơn hẳn các trường cùng cấp",
  FAR_FROM_SELF: "Điểm chấm lệch xa tự chấm",
  NEVER_MOVES: "Điểm chấm không bao giờ khác tự chấm",
};

const pct = (x: number) => formatPercent(x, 0);
const points = (tenths: number) => formatNumber(Math.round(tenths) / 10);

export function share(counts: Record<string, number>, label: string): number {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return total ? (counts[label] ?? 0) / total : 0;
}

/** The peers of a school: the others under the same upper unit with the same school level. */
export function peersOf(all: readonly SchoolStats[], s: SchoolStats): SchoolStats[] {
  return all.filter((p) => p.schoolId !== s.schoolId && p.unionUnitId === s.unionUnitId && p.level === s.level);
}

/** The peers' sheets pooled: classification → count (each sheet weighs the same). */
export function pooled(peers: readonly SchoolStats[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of peers) for (const [k, n] of Object.entries(p.counts)) out[k] = (out[k] ?? 0) + n;
  return out;
}

/** The questions a person could ask about a school's results (none: nothing stands out). */
export function questionsFor(s: SchoolStats, peers: readonly SchoolStats[]): Question[] {
  return questionsAgainst(s, pooled(peers));
}

/** questionsFor, given the peers' pooled sheets (classification → count). */
function questionsAgainst(s: SchoolStats, peerCounts: Record<string, number>): Question[] {
  const out: Question[] = [];
  const mine = share(s.counts, EXCELLENT);
  if (s.classified >= MIN_CLASSIFIED && mine >= ALMOST_ALL_EXCELLENT) {
    out.push({ kind: "ALMOST_ALL_EXCELLENT", text: `${pct(mine)} phiếu (${s.counts[EXCELLENT] ?? 0}/${s.classified}) xếp loại ${EXCELLENT}: mức phân loại có còn phân biệt được không?` });
  }
  const peerTotal = Object.values(peerCounts).reduce((a, b) => a + b, 0);
  if (s.classified >= MIN_CLASSIFIED && peerTotal >= MIN_CLASSIFIED) {
    const theirs = share(peerCounts, EXCELLENT);
    if (mine - theirs >= PEER_GAP) out.push({ kind: "ABOVE_PEERS", text: `Tỷ lệ ${EXCELLENT} ${pct(mine)}, các trường cùng cấp ${pct(theirs)}: điều gì khác ở trường này?` });
  }
  for (const m of s.moves) {
    if (m.pairs === 0) continue;
    if (m.meanAbsTenths >= FAR_MEAN) {
      out.push({ kind: "FAR_FROM_SELF", stage: m.stage, text: `Bước ${STAGE_NAMES[m.stage]} thay đổi điểm tự chấm trung bình ${points(m.meanAbsTenths)} điểm (${m.meanTenths >= 0 ? "nâng" : "hạ"} ${points(Math.abs(m.meanTenths))} điểm) trên ${m.pairs} phiếu: lý do đã được ghi lại chưa?` });
    } else if (m.pairs >= MIN_PAIRS && m.moved === 0) {
      out.push({ kind: "NEVER_MOVES", stage: m.stage, text: `Bước ${STAGE_NAMES[m.stage]} giữ nguyên điểm tự chấm ở cả ${m.pairs} phiếu: việc chấm có thực sự diễn ra không?` });
    }
  }
  return out;
}

export interface CalibrationRow extends SchoolStats {
  excellentShare: number;
  peerCount: number;
  peerCounts: Record<string, number>;
  peerExcellentShare: number;
  questions: Question[];
}

/**
 * Every school with its peers' distribution and its questions. The same as peersOf + pooled for
 * each school, in linear time (3,000 schools of a province: peersOf for each is 9 M comparisons):
 * each (upper unit, level) is pooled once, and a school's peers are its group without itself —
 * the group's sums less the school's own, a label kept when some other school of the group has it.
 */
export function calibrate(all: readonly SchoolStats[]): CalibrationRow[] {
  const groupOf = (s: SchoolStats) => `${s.unionUnitId}\u0000${s.level}`;
  const groups = new Map<string, { schools: number; sum: Map<string, number>; holders: Map<string, number> }>();
  for (const s of all) {
    let g = groups.get(groupOf(s));
    if (!g) groups.set(groupOf(s), (g = { schools: 0, sum: new Map(), holders: new Map() }));
    g.schools++;
    for (const [k, n] of Object.entries(s.counts)) {
      g.sum.set(k, (g.sum.get(k) ?? 0) + n);
      g.holders.set(k, (g.holders.get(k) ?? 0) + 1);
    }
  }
  return all.map((s) => {
    const g = groups.get(groupOf(s))!;
    const peerCounts: Record<string, number> = {};
    for (const [k, n] of g.sum) {
      const own = Object.hasOwn(s.counts, k);
      if (g.holders.get(k)! - (own ? 1 : 0) > 0) peerCounts[k] = n - (own ? s.counts[k] : 0);
    }
    return { ...s, excellentShare: share(s.counts, EXCELLENT), peerCount: g.schools - 1, peerCounts, peerExcellentShare: share(peerCounts, EXCELLENT), questions: questionsAgainst(s, peerCounts) };
  });
}
