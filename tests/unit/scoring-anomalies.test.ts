// Anomaly flags, sealed-snapshot checksums and grid cell parsing.
import { describe, expect, it } from "vitest";
import { detectAnomalies, type AnomalyRow } from "@/lib/scoring/anomalies";
import { canonicalJson } from "@/lib/scoring/canonical";
import { checksumOf, verifySnapshot } from "@/lib/scoring/snapshot";
import { cellText, parseCell } from "@/lib/scoring/cells";
import { computeStage, type StageData } from "@/lib/scoring/rules";
import { allCriteria } from "@/lib/scoring/scale";
import { TEMPLATE_100 as S } from "@/lib/scoring/templates";

function data(minus: Record<string, number> = {}): StageData {
  const entries: StageData["entries"] = {};
  for (const c of allCriteria(S)) entries[c.key] = { state: "SCORED", points: c.max - (minus[c.key] ?? 0) * 10 };
  return { entries, deductions: [], bonus: {}, disqualifiers: [] };
}
function row(id: string, group: string, self: StageData | null, stage: StageData | null): AnomalyRow {
  return { sheetId: id, memberName: `Người ${id}`, groupId: group, groupName: `Tổ ${group}`, self: self && computeStage(S, self), stage: stage && computeStage(S, stage), stageData: stage };
}

describe("anomaly flags (never block)", () => {
  it("a whole group at full marks", () => {
    const flags = detectAnomalies([row("a", "1", null, data()), row("b", "1", null, data()), row("c", "2", null, data()), row("d", "2", null, data({ cl_ket_qua: 1 }))]);
    expect(flags.filter((f) => f.kind === "GROUP_ALL_FULL")).toEqual([expect.objectContaining({ groupId: "1", sheetIds: ["a", "b"] })]);
  });

  it("a group score far above or below the self-score, per member and for the group on average", () => {
    const flags = detectAnomalies([
      row("a", "1", data({ cl_ket_qua: 10, cl_gio_day: 5 }), data()), // +15 over self
      row("b", "1", data({ cl_ket_qua: 8 }), data({ cl_ket_qua: 1 })), // +7
      row("c", "1", data({ cl_ket_qua: 9 }), data({ cl_ket_qua: 2 })), // +7
      row("d", "1", data(), data({ cl_ket_qua: 1 })), // −1
    ]);
    const far = flags.filter((f) => f.kind === "FAR_FROM_SELF");
    expect(far).toHaveLength(1);
    expect(far[0].message).toContain("cao hơn tự chấm 15 điểm");
    expect(flags.find((f) => f.kind === "GROUP_FAR_FROM_SELF")?.message).toContain("cao hơn tự chấm 7 điểm");
  });

  it("identical sheets within a group (full-mark sheets are left to the full-marks flag)", () => {
    const same = data({ cl_ket_qua: 2, qc_ho_so: 1 });
    const flags = detectAnomalies([row("a", "1", null, same), row("b", "1", null, structuredClone(same)), row("c", "1", null, data({ cl_ket_qua: 2 })), row("d", "1", null, data()), row("e", "1", null, data())]);
    expect(flags.filter((f) => f.kind === "IDENTICAL_SHEETS")).toEqual([expect.objectContaining({ sheetIds: ["a", "b"] })]);
    expect(flags.some((f) => f.kind === "GROUP_ALL_FULL")).toBe(false);
  });

  it("nothing to say about an ordinary group", () => {
    expect(detectAnomalies([row("a", "1", data({ cl_ket_qua: 1 }), data({ cl_ket_qua: 2 })), row("b", "1", data({ qc_ho_so: 1 }), data({ qc_ho_so: 2 }))])).toEqual([]);
  });
});

describe("sealed snapshot checksum", () => {
  it("is the sha-256 of canonical JSON: key order does not matter, any change does", () => {
    const a = { stage: "GROUP", rows: [{ sheetId: "s1", total: 925, entries: { b: 1, a: 2 } }] };
    const b = { rows: [{ entries: { a: 2, b: 1 }, total: 925, sheetId: "s1" }], stage: "GROUP" };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(checksumOf(a)).toBe(checksumOf(b));
    expect(checksumOf(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(checksumOf({ ...a, rows: [{ ...a.rows[0], total: 926 }] })).not.toBe(checksumOf(a));
    expect(verifySnapshot({ payload: b, checksum: checksumOf(a) })).toBe(true);
    expect(verifySnapshot({ payload: { ...b, stage: "COUNCIL" }, checksum: checksumOf(a) })).toBe(false);
    expect(canonicalJson({ x: undefined, y: [undefined, 1] })).toBe('{"y":[null,1]}');
  });
});

describe("grid cells", () => {
  const c = { name: "Chất lượng giờ dạy", max: 100, type: "POINTS" as const };
  const pf = { name: "Hồ sơ", max: 0, type: "PASS_FAIL" as const };
  it("keeps not entered, 0, not applicable and exempt apart", () => {
    expect(parseCell("", c)).toEqual({ ok: true, entry: null });
    expect(parseCell("0", c)).toEqual({ ok: true, entry: { state: "SCORED", points: 0 } });
    expect(parseCell("-", c)).toEqual({ ok: true, entry: { state: "NOT_APPLICABLE" } });
    expect(parseCell("KAD", c)).toEqual({ ok: true, entry: { state: "NOT_APPLICABLE" } });
    expect(parseCell("m", c)).toEqual({ ok: true, entry: { state: "EXEMPT" } });
    expect(parseCell("Miễn", c)).toEqual({ ok: true, entry: { state: "EXEMPT" } });
    expect(parseCell("7,5", c)).toEqual({ ok: true, entry: { state: "SCORED", points: 75 } });
    expect(parseCell("đ", pf)).toEqual({ ok: true, entry: { state: "SCORED", pass: true } });
    expect(parseCell("K", pf)).toEqual({ ok: true, entry: { state: "SCORED", pass: false } });
  });
  it("refuses above the max and what is not a number", () => {
    expect(parseCell("10,5", c)).toMatchObject({ ok: false });
    expect(parseCell("abc", c)).toMatchObject({ ok: false });
    expect(parseCell("x", pf)).toMatchObject({ ok: false });
  });
  it("shows entries back the same way", () => {
    for (const t of ["", "0", "-", "M", "7,5"]) {
      const p = parseCell(t, c);
      expect(p.ok && cellText(p.entry)).toBe(t);
    }
    expect(cellText({ state: "SCORED", pass: true })).toBe("Đ");
  });
});
