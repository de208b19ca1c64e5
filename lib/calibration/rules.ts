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
  const out: Question[] = [];
  const mine = share(s.counts, EXCELLENT);
  if (s.classified >= MIN_CLASSIFIED && mine >= ALMOST_ALL_EXCELLENT) {
    out.push({ kind: "ALMOST_ALL_EXCELLENT", text: `${pct(mine)} phiếu (${s.counts[EXCELLENT] ?? 0}/${s.classified}) xếp loại ${EXCELLENT}: mức phân loại có còn phân biệt được không?` });
  }
  const peerCounts = pooled(peers);
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

/** Every school with its peers' distribution and its questions. */
export function calibrate(all: readonly SchoolStats[]): CalibrationRow[] {
  return all.map((s) => {
    const peers = peersOf(all, s);
    const peerCounts = pooled(peers);
    return { ...s, excellentShare: share(s.counts, EXCELLENT), peerCount: peers.length, peerCounts, peerExcellentShare: share(peerCounts, EXCELLENT), questions: questionsFor(s, peers) };
  });
}
