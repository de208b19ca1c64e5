// DOMAIN.md §6 rules 12–16: council composition and quorum, secret-ballot tallies and their
// thresholds, frozen scores, dossier completeness, the submission gate, revocation.
import { describe, expect, it } from "vitest";
import { blocking, dossierRule, oddMembersRule, quorumRule, revocationRule, submissionChecks, tallyBallot, verdict, check } from "@/lib/awards/rules";
import { defaultSettings, withSettings } from "@/lib/awards/settings";

const s = defaultSettings("2025-05-25");

describe("rule 12: council", () => {
  it("the number of members is odd", () => {
    expect(oddMembersRule(7, s).passed).toBe(true);
    expect(oddMembersRule(8, s)).toMatchObject({ passed: false, detail: "Hội đồng có 8 thành viên, số thành viên phải là số lẻ" });
    expect(oddMembersRule(0, s).passed).toBe(false);
  });
  it("quorum is at least 2/3 present: 5 of 7 yes, 4 of 7 no; 6 of 9 exactly", () => {
    expect(quorumRule(5, 7, s).passed).toBe(true);
    expect(quorumRule(4, 7, s).passed).toBe(false);
    expect(quorumRule(6, 9, s).passed).toBe(true);
  });
});

describe("rule 13: secret ballot tallies", () => {
  const ballot = { issued: 9, returned: 9, valid: 9, present: 9, memberCount: 9 };
  it("CSTĐCS passes at 70% of those present: 7 of 9 (77.78%) passes, 6 of 9 fails", () => {
    const ok = tallyBallot({ ...ballot, titleCode: "CSTDCS", agree: 7 }, s);
    expect(ok).toMatchObject({ passed: true, secret: true, base: "PRESENT", baseCount: 9, required: 7, percentAgree: 77.78 });
    const no = tallyBallot({ ...ballot, titleCode: "CSTDCS", agree: 6 }, s);
    expect(no.passed).toBe(false);
    expect(no.checks[1].detail).toBe("6/9 phiếu đồng ý (66,67% số thành viên có mặt), cần từ 70% (ít nhất 7 phiếu)");
  });
  it("exactly 70% passes (7 of 10)", () => {
    expect(tallyBallot({ issued: 10, returned: 10, valid: 10, present: 10, memberCount: 11, titleCode: "CSTDCS", agree: 7 }, s).passed).toBe(true);
  });
  it("provincial proposals need 90% of ALL members, not of those present", () => {
    // 9 present of 11 members, all 9 agree: 81.8% of all members → fails.
    const r = tallyBallot({ issued: 9, returned: 9, valid: 9, agree: 9, present: 9, memberCount: 11, titleCode: "CSTD_TINH" }, s);
    expect(r).toMatchObject({ passed: false, base: "ALL_MEMBERS", baseCount: 11, required: 10 });
    expect(tallyBallot({ issued: 11, returned: 11, valid: 11, agree: 10, present: 11, memberCount: 11, titleCode: "CSTD_TINH" }, s).passed).toBe(true);
  });
  it("other titles need a simple majority (more than half) of those present", () => {
    expect(tallyBallot({ ...ballot, titleCode: "LDTT", agree: 5 }, s)).toMatchObject({ passed: true, secret: false, required: 5 });
    expect(tallyBallot({ issued: 8, returned: 8, valid: 8, present: 8, memberCount: 9, titleCode: "LDTT", agree: 4 }, s)).toMatchObject({ passed: false, required: 5 });
  });
  it("inconsistent counts are refused with each problem named", () => {
    const r = tallyBallot({ titleCode: "CSTDCS", issued: 9, returned: 10, valid: 11, agree: 12, present: 9, memberCount: 9 }, s);
    expect(r.passed).toBe(false);
    expect(r.checks[0].passed).toBe(false);
    expect(r.checks[0].detail).toContain("Số phiếu thu về (10) lớn hơn số phát ra (9)");
    expect(r.checks[0].detail).toContain("Số phiếu đồng ý (12) lớn hơn số hợp lệ (11)");
  });
  it("the threshold is a setting", () => {
    const stricter = withSettings(s, { "vote.schoolPass": { num: 80, den: 100 } });
    expect(tallyBallot({ ...ballot, titleCode: "CSTDCS", agree: 7 }, stricter).passed).toBe(false);
  });
});

describe("rule 15: dossier", () => {
  const items = [
    { id: "i1", nomineeName: "Nguyễn Thị Thanh Tâm", titleCode: "CSTDCS" },
    { id: "i2", nomineeName: "Lê Văn Tuấn", titleCode: "LDTT" },
  ];
  it("names every missing paper", () => {
    const checks = dossierRule(items, [{ kind: "TO_TRINH" }, { kind: "DANH_SACH" }]);
    const text = checks.map((c) => c.detail);
    expect(text).toContain("Thiếu biên bản họp hội đồng thi đua – khen thưởng");
    expect(text).toContain("Thiếu biên bản kiểm phiếu");
    expect(text).toContain("Nguyễn Thị Thanh Tâm: thiếu báo cáo thành tích");
    expect(text).toContain("Nguyễn Thị Thanh Tâm: thiếu giấy công nhận sáng kiến");
    expect(text.some((t) => t.startsWith("Lê Văn Tuấn"))).toBe(false);
  });
  it("a complete dossier passes", () => {
    const docs = [
      { kind: "TO_TRINH" as const },
      { kind: "DANH_SACH" as const },
      { kind: "BIEN_BAN_HOP" as const },
      { kind: "BIEN_BAN_KIEM_PHIEU" as const },
      { kind: "BAO_CAO_THANH_TICH" as const, itemId: "i1" },
      { kind: "MINH_CHUNG" as const, itemId: "i1" },
      { kind: "CONG_NHAN_SANG_KIEN" as const, itemId: "i1" },
    ];
    expect(dossierRule(items, docs)).toEqual([expect.objectContaining({ passed: true, detail: "Hồ sơ đủ thành phần" })]);
  });
});

describe("submission gate", () => {
  const base = {
    today: "2025-06-05",
    deadline: "2025-06-15",
    reopenedUntil: null,
    postedOn: "2025-05-28",
    objections: [{ answered: true }],
    votesMissing: [],
    eligibility: [],
    caps: [],
    dossier: [],
  };
  it("passes when everything is in order", () => {
    expect(blocking(submissionChecks(base, s))).toEqual([]);
  });
  it("blocks before the notice period ends, with open objections, after the deadline unless reopened", () => {
    expect(blocking(submissionChecks({ ...base, today: "2025-05-30" }, s))[0].detail).toBe("Công khai từ 28/05/2025, phải đủ 5 ngày làm việc (hết ngày 04/06/2025, không tính thứ Bảy, Chủ nhật, ngày lễ, Tết)");
    expect(blocking(submissionChecks({ ...base, objections: [{ answered: false }] }, s))[0].detail).toBe("Còn 1 ý kiến phản ánh chưa được trả lời");
    expect(blocking(submissionChecks({ ...base, today: "2025-06-16" }, s))[0].detail).toBe("Đã quá hạn nộp 15/06/2025; cần đơn vị cấp trên mở lại");
    expect(blocking(submissionChecks({ ...base, today: "2025-06-16", reopenedUntil: "2025-06-20" }, s))).toEqual([]);
    expect(blocking(submissionChecks({ ...base, postedOn: null }, s))[0].detail).toBe("Danh sách chưa được công khai");
  });
  it("carries the eligibility and cap refusals with the nominee's name", () => {
    const v = verdict("CSTDCS", [check("needs-initiative", false, "Luật", "Cần 1 sáng kiến")]);
    const out = blocking(submissionChecks({ ...base, eligibility: [{ nomineeName: "Lê Văn Tuấn", verdict: v }], caps: [check("cstdcs-cap", false, "ND91", "Vượt hạn mức")] }, s));
    expect(out.map((c) => c.detail)).toEqual(["Lê Văn Tuấn – Chiến sĩ thi đua cơ sở: Cần 1 sáng kiến", "Vượt hạn mức"]);
  });
  it("flag-only verdicts (CSTĐ cấp tỉnh) do not block: the upper unit decides", () => {
    const v = verdict("CSTD_TINH", [check("chain-cstdcs", false, "Luật", "2 năm")], true);
    expect(blocking(submissionChecks({ ...base, eligibility: [{ nomineeName: "A", verdict: v }] }, s))).toEqual([]);
  });
});

describe("rule 16: revocation", () => {
  it("needs a reason and happens once", () => {
    expect(revocationRule(false, "Hồ sơ kê khai sáng kiến không trung thực").passed).toBe(true);
    expect(revocationRule(false, "").passed).toBe(false);
    expect(revocationRule(true, "Lý do bất kỳ").detail).toBe("Quyết định đã bị thu hồi trước đó");
  });
});
