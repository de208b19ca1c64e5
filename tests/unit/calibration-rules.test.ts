// The calibration questions (issue 9): pure rules over per-school figures, thresholds at their edges.
import { describe, expect, it } from "vitest";
import { ALMOST_ALL_EXCELLENT, FAR_MEAN, MIN_CLASSIFIED, MIN_PAIRS, PEER_GAP, calibrate, peersOf, pooled, questionsFor, share, type SchoolStats, type StageMoves } from "@/lib/calibration/rules";

const still = (stage: "GROUP" | "COUNCIL", pairs = 0): StageMoves => ({ stage, pairs, moved: pairs, meanAbsTenths: 20, meanTenths: 0 });
function school(id: string, counts: Record<string, number>, over: Partial<SchoolStats> = {}): SchoolStats {
  const classified = Object.values(counts).reduce((a, b) => a + b, 0);
  return { schoolId: id, name: id, level: "TIEU_HOC", unionUnitId: "u1", periodId: `p_${id}`, counts, classified, moves: [still("GROUP"), still("COUNCIL")], ...over };
}
const kinds = (s: SchoolStats, peers: SchoolStats[] = []) => questionsFor(s, peers).map((q) => q.kind);

describe("almost everyone Xuất sắc", () => {
  it("asks at the threshold, not just below it, and not on too few sheets", () => {
    expect(ALMOST_ALL_EXCELLENT).toBe(0.9);
    expect(kinds(school("a", { "Xuất sắc": 9, Tốt: 1 }))).toEqual(["ALMOST_ALL_EXCELLENT"]);
    expect(kinds(school("b", { "Xuất sắc": 8, Tốt: 1, Khá: 1 }))).toEqual([]);
    expect(kinds(school("c", { "Xuất sắc": MIN_CLASSIFIED - 1 }))).toEqual([]);
    expect(kinds(school("d", { "Xuất sắc": MIN_CLASSIFIED }))).toEqual(["ALMOST_ALL_EXCELLENT"]);
    expect(questionsFor(school("a", { "Xuất sắc": 9, Tốt: 1 }), [])[0].text).toContain("90% phiếu (9/10)");
  });
});

describe("beside the peers", () => {
  it("peers are the other schools of the same upper unit and school level", () => {
    const a = school("a", { Tốt: 5 });
    const all = [a, school("b", { Tốt: 5 }), school("c", { Tốt: 5 }, { level: "THCS" }), school("d", { Tốt: 5 }, { unionUnitId: "u2" })];
    expect(peersOf(all, a).map((p) => p.schoolId)).toEqual(["b"]);
  });

  it("pools the peers' sheets and asks when the school's Xuất sắc share is PEER_GAP above theirs", () => {
    const peers = [school("p1", { "Xuất sắc": 2, Tốt: 8 }), school("p2", { "Xuất sắc": 0, Tốt: 10 })];
    expect(pooled(peers)).toEqual({ "Xuất sắc": 2, Tốt: 18 });
    expect(share(pooled(peers), "Xuất sắc")).toBeCloseTo(0.1);
    // 40% vs 10%: a gap of exactly PEER_GAP asks.
    expect(PEER_GAP).toBe(0.3);
    expect(kinds(school("a", { "Xuất sắc": 4, Tốt: 6 }), peers)).toEqual(["ABOVE_PEERS"]);
    expect(kinds(school("a", { "Xuất sắc": 3, Tốt: 7 }), peers)).toEqual([]);
    // No peers with results: nothing to compare with.
    expect(kinds(school("a", { "Xuất sắc": 4, Tốt: 6 }), [])).toEqual([]);
  });
});

describe("how the group and council stages move the self-scores", () => {
  it("far on average (≥ FAR_MEAN tenths) asks, with the direction", () => {
    const far: StageMoves = { stage: "GROUP", pairs: 6, moved: 6, meanAbsTenths: FAR_MEAN, meanTenths: -FAR_MEAN };
    const q = questionsFor(school("a", { Tốt: 6 }, { moves: [far, still("COUNCIL")] }), []);
    expect(q.map((x) => [x.kind, x.stage])).toEqual([["FAR_FROM_SELF", "GROUP"]]);
    expect(q[0].text).toContain("hạ 10 điểm");
    expect(kinds(school("a", { Tốt: 6 }, { moves: [{ ...far, meanAbsTenths: FAR_MEAN - 1 }, still("COUNCIL")] }))).toEqual([]);
  });

  it("never moving asks once there are MIN_PAIRS sheets", () => {
    const never = (pairs: number): StageMoves => ({ stage: "COUNCIL", pairs, moved: 0, meanAbsTenths: 0, meanTenths: 0 });
    expect(kinds(school("a", { Tốt: 6 }, { moves: [still("GROUP"), never(MIN_PAIRS)] }))).toEqual(["NEVER_MOVES"]);
    expect(kinds(school("a", { Tốt: 6 }, { moves: [still("GROUP"), never(MIN_PAIRS - 1)] }))).toEqual([]);
    expect(kinds(school("a", { Tốt: 6 }, { moves: [still("GROUP"), { ...never(MIN_PAIRS), moved: 1, meanAbsTenths: 5 }] }))).toEqual([]);
  });
});

it("calibrate puts each school beside its peers", () => {
  const rows = calibrate([school("a", { "Xuất sắc": 10 }), school("b", { "Xuất sắc": 1, Tốt: 9 }), school("c", { Tốt: 10 })]);
  const a = rows.find((r) => r.schoolId === "a")!;
  expect(a).toMatchObject({ excellentShare: 1, peerCount: 2, peerCounts: { "Xuất sắc": 1, Tốt: 19 } });
  expect(a.questions.map((q) => q.kind)).toEqual(["ALMOST_ALL_EXCELLENT", "ABOVE_PEERS"]);
  expect(rows.find((r) => r.schoolId === "c")!.questions).toEqual([]);
});
