// Issue 12 "checks that follow" and the council's per-nominee ballot, as pure rules with reasons:
// CSTĐCS needs LĐTT held or proposed (DOMAIN.md rule 2); a returned nominee must be changed before
// the package is sent again; the posting date; TT LĐTT / TT LĐXS per group (rules 7, 8); one
// ballot sheet listing every nominee, the pass threshold judged per nominee (rule 13).
import { describe, expect, it } from "vitest";
import { evaluateCollectiveUnits, ldttProposedRule, postingDateRule, returnedChangedRule, tallyBallotSheet, type CollectiveMemberFacts, type PeriodInfo } from "@/lib/awards/rules";
import { defaultSettings } from "@/lib/awards/settings";

const s = defaultSettings("2026-05-25");
const Y: PeriodInfo = { startYear: 2025, label: "2025–2026", startsOn: "2025-09-05", endsOn: "2026-05-31" };

describe("rule 2 in a package: a CSTĐCS nominee holds or is proposed for LĐTT", () => {
  it("refuses CSTĐCS without LĐTT, with the reason and the basis", () => {
    const c = ldttProposedRule({ heldLdtt: false, proposedLdtt: null, periodLabel: "2025–2026" });
    expect(c).toMatchObject({ rule: "ldtt-proposed", passed: false, detail: "Chưa có và chưa được đề nghị danh hiệu Lao động tiên tiến năm học 2025–2026: thêm đề nghị LĐTT cho người này" });
    expect(c.basis).toContain("Luật Thi đua, khen thưởng 2022");
  });
  it("passes when LĐTT is proposed in the same package, in another live package, or already decided", () => {
    expect(ldttProposedRule({ heldLdtt: false, proposedLdtt: "same-package", periodLabel: "x" }).passed).toBe(true);
    expect(ldttProposedRule({ heldLdtt: false, proposedLdtt: "other-package", periodLabel: "x" }).passed).toBe(true);
    expect(ldttProposedRule({ heldLdtt: true, proposedLdtt: null, periodLabel: "x" }).passed).toBe(true);
  });
});

describe("a returned nominee must be changed before the package is sent again", () => {
  const returnedAt = "2026-06-10T08:00:00.000Z";
  it("refuses while a returned nominee is unchanged, naming them and the upper unit's comment", () => {
    const c = returnedChangedRule([
      { nomineeName: "Trần Thị Mỹ Linh (Chiến sĩ thi đua cơ sở)", returnedAt, changedAt: null, comment: "Bổ sung kết quả áp dụng sáng kiến" },
      { nomineeName: "Lê Văn Tuấn (Lao động tiên tiến)", returnedAt, changedAt: "2026-06-11T09:00:00.000Z" },
    ]);
    expect(c.passed).toBe(false);
    expect(c.detail).toBe("Chưa sửa, bổ sung theo ý kiến cấp trên: Trần Thị Mỹ Linh (Chiến sĩ thi đua cơ sở) (Bổ sung kết quả áp dụng sáng kiến)");
  });
  it("a change made before the return does not count", () => {
    expect(returnedChangedRule([{ nomineeName: "A", returnedAt, changedAt: "2026-06-09T08:00:00.000Z" }]).passed).toBe(false);
  });
  it("passes once every returned nominee was changed", () => {
    expect(returnedChangedRule([{ nomineeName: "A", returnedAt, changedAt: "2026-06-10T08:00:01.000Z" }]).passed).toBe(true);
  });
});

describe("the posting date", () => {
  const x = { today: "2026-06-05", councilMetOn: "2026-05-28", withdrawnOn: null };
  it("may not precede the council's vote", () => {
    const c = postingDateRule("2026-05-27", x);
    expect(c).toMatchObject({ passed: false, detail: "Ngày công khai không được trước ngày Hội đồng họp xét (28/05/2026)." });
    expect(postingDateRule("2026-05-28", x).passed).toBe(true);
  });
  it("after a withdrawal the period restarts: a date before the withdrawal is refused", () => {
    const c = postingDateRule("2026-05-29", { ...x, withdrawnOn: "2026-06-03" });
    expect(c.passed).toBe(false);
    expect(c.detail).toContain("thôi công khai ngày 03/06/2026");
    expect(postingDateRule("2026-06-03", { ...x, withdrawnOn: "2026-06-03" }).passed).toBe(true);
  });
  it("may not be in the future", () => {
    expect(postingDateRule("2026-06-06", x).passed).toBe(false);
  });
});

describe("rules 7–8 for each union group and professional group as well as the school", () => {
  type M = CollectiveMemberFacts & { unionGroupId: string | null; unionGroupName: string | null; professionalGroup: string | null };
  const member = (i: number, group: "a" | "b", ldtt: boolean, prof: string | null = null, cstdcs = false): M => ({
    memberId: `m${i}`,
    fullName: `Người ${i}`,
    grade: "HTTNV",
    ldtt,
    cstdcs,
    disciplines: [],
    unionGroupId: `g_${group}`,
    unionGroupName: group === "a" ? "Tổ CĐ Khối 1–2" : "Tổ CĐ Văn phòng",
    professionalGroup: prof ?? (group === "a" ? "Tổ Khối 1–2" : "Tổ Văn phòng"),
  });
  // Group a: 4 of 4 LĐTT (one CSTĐCS); group b: 1 of 4 LĐTT. School: 5 of 8 (62.5%).
  const members = [member(1, "a", true, null, true), member(2, "a", true), member(3, "a", true), member(4, "a", true), member(5, "b", true), member(6, "b", false), member(7, "b", false), member(8, "b", false)];
  const units = evaluateCollectiveUnits(members, Y, s);
  const byName = (n: string) => units.find((u) => u.unit.name === n)!;
  const title = (n: string, code: string) => byName(n).verdicts.find((v) => v.title === code)!;

  it("judges the school and each union group on its own members", () => {
    expect(units.map((u) => `${u.unit.kind}:${u.unit.name}:${u.memberCount}`)).toEqual(["SCHOOL:Toàn trường:8", "UNION_GROUP:Tổ CĐ Khối 1–2:4", "UNION_GROUP:Tổ CĐ Văn phòng:4"]);
    expect(title("Toàn trường", "TT_LDTT").eligible).toBe(true);
    expect(title("Tổ CĐ Khối 1–2", "TT_LDTT").eligible).toBe(true);
    expect(title("Tổ CĐ Khối 1–2", "TT_LDXS").eligible).toBe(true);
    const b = title("Tổ CĐ Văn phòng", "TT_LDTT");
    expect(b.eligible).toBe(false);
    expect(b.reasons[0].detail).toBe("1/4 thành viên đạt LĐTT (25%), cần trên 50%");
    expect(title("Toàn trường", "TT_LDXS").eligible).toBe(false);
  });
  it("a professional group that differs from the union groups is judged too", () => {
    const mixed = members.map((m, i) => (i === 4 ? { ...m, professionalGroup: "Tổ Toán – Tin" } : i === 0 ? { ...m, professionalGroup: "Tổ Toán – Tin" } : m));
    const u = evaluateCollectiveUnits(mixed, Y, s);
    const toan = u.find((x) => x.unit.name === "Tổ Toán – Tin")!;
    expect(toan.unit.kind).toBe("PROFESSIONAL_GROUP");
    expect(toan.memberCount).toBe(2);
    expect(toan.verdicts.find((v) => v.title === "TT_LDTT")!.eligible).toBe(true);
  });
});

describe("rule 13: one ballot sheet, each nominee judged on their own agree count", () => {
  const base = { issued: 9, returned: 9, valid: 8, present: 9, memberCount: 9 };
  it("7 of 9 present passes CSTĐCS, 6 does not, on the same sheet", () => {
    const r = tallyBallotSheet({ ...base, nominees: [{ itemId: "a", titleCode: "CSTDCS", agree: 7 }, { itemId: "b", titleCode: "CSTDCS", agree: 6 }] }, s);
    expect(r.ok).toBe(true);
    expect(r.results.map((x) => [x.itemId, x.passed, x.required])).toEqual([["a", true, 7], ["b", false, 7]]);
    expect(r.consistent.detail).toBe("Phát ra 9, thu về 9, hợp lệ 8");
  });
  it("refuses an agree count above the valid ballots, for that nominee only", () => {
    const r = tallyBallotSheet({ ...base, nominees: [{ itemId: "a", titleCode: "CSTDCS", agree: 9 }, { itemId: "b", titleCode: "CSTDCS", agree: 8 }] }, s);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual({ a: "Số phiếu đồng ý (9) lớn hơn số phiếu hợp lệ (8)" });
  });
  it("refuses inconsistent shared counts", () => {
    const r = tallyBallotSheet({ ...base, valid: 10, nominees: [{ itemId: "a", titleCode: "LDTT", agree: 5 }] }, s);
    expect(r.ok).toBe(false);
    expect(r.consistent.detail).toBe("Số phiếu hợp lệ (10) lớn hơn số thu về (9)");
  });
});
