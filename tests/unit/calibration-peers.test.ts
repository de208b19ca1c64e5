// calibrate (lib/calibration/rules.ts) pools each (upper unit, level) once and takes the school's
// own sheets out, in linear time (issue 9: 3,000 schools on the province federation's page). It
// must give exactly what peersOf + pooled + questionsFor give school by school: checked here on
// random schools (labels present or absent, zero counts, groups of one school, no results).
import { expect, it } from "vitest";
import { calibrate, peersOf, pooled, questionsFor, share, EXCELLENT, type SchoolStats } from "@/lib/calibration/rules";

function rng(seed: number) {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

const LABELS = [EXCELLENT, "Tốt", "Khá", "Trung bình", "Không xếp loại"];

it("equals the peers pooled school by school", () => {
  const r = rng(20261203);
  const all: SchoolStats[] = Array.from({ length: 400 }, (_, i) => {
    const counts: Record<string, number> = {};
    if (r() > 0.15) for (const k of LABELS) if (r() < 0.5) counts[k] = r() < 0.05 ? 0 : Math.floor(r() * 30);
    const pairs = Math.floor(r() * 12);
    return {
      schoolId: `s${i}`,
      name: `Trường ${i}`,
      level: ["MAM_NON", "TIEU_HOC", "THCS", "THPT"][Math.floor(r() * 4)],
      unionUnitId: `u${Math.floor(r() * (i < 390 ? 12 : 400))}`,
      periodId: Object.keys(counts).length ? `p${i}` : null,
      counts,
      classified: Object.values(counts).reduce((a, b) => a + b, 0),
      moves: (["GROUP", "COUNCIL"] as const).map((stage) => ({ stage, pairs, moved: r() < 0.3 ? 0 : Math.floor(r() * pairs), meanAbsTenths: Math.floor(r() * 150), meanTenths: Math.floor(r() * 300) - 150 })),
    };
  });
  const rows = calibrate(all);
  expect(rows).toHaveLength(all.length);
  let withQuestions = 0;
  all.forEach((s, i) => {
    const peers = peersOf(all, s);
    const peerCounts = pooled(peers);
    const want = { ...s, excellentShare: share(s.counts, EXCELLENT), peerCount: peers.length, peerCounts, peerExcellentShare: share(peerCounts, EXCELLENT), questions: questionsFor(s, peers) };
    expect(rows[i], s.schoolId).toStrictEqual(want);
    if (want.questions.some((q) => q.kind === "ABOVE_PEERS")) withQuestions++;
  });
  // The data exercise the peer comparison.
  expect(withQuestions).toBeGreaterThan(0);
});
