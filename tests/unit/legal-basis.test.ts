// Issue 11: cite the decree in force for the period judged. Decree 91/2017 was replaced by 98/2023
// (from 1 January 2024), itself replaced by 152/2025; the older one is cited only for a period
// that ended under it.
import { describe, expect, it } from "vitest";
import { citeDecree, DECREE_TOKEN, legalBasisFor } from "@/lib/legal/decrees";
import { defaultSettings, SETTING_KEYS } from "@/lib/awards/settings";
import { dossierRule } from "@/lib/awards/rules-dossier";
import { buildPlanTemplate } from "@/lib/plans/template";

describe("legalBasisFor(periodEnd)", () => {
  it("gives the decree in force on the last day of the period", () => {
    expect(legalBasisFor("2026-05-31").citation).toBe("Nghị định 152/2025/NĐ-CP");
    expect(legalBasisFor("2025-07-01").citation).toBe("Nghị định 152/2025/NĐ-CP");
    expect(legalBasisFor("2025-05-31").citation).toBe("Nghị định 98/2023/NĐ-CP");
    expect(legalBasisFor("2024-01-01").citation).toBe("Nghị định 98/2023/NĐ-CP");
    expect(legalBasisFor(new Date(Date.UTC(2023, 4, 31))).citation).toBe("Nghị định 91/2017/NĐ-CP");
    expect(legalBasisFor("2015-05-31").citation).toBe("Nghị định 91/2017/NĐ-CP");
  });
  it("writes the formal citation with the signing day when known", () => {
    expect(legalBasisFor("2024-05-31").formal).toBe("Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ");
    expect(legalBasisFor("2026-05-31").formal).toBe("Nghị định số 152/2025/NĐ-CP của Chính phủ");
  });
  it("citeDecree replaces the token and leaves other text alone", () => {
    expect(citeDecree(`${DECREE_TOKEN}: trên 50%`, "2026-05-31")).toBe("Nghị định 152/2025/NĐ-CP: trên 50%");
    expect(citeDecree("Quy chế của trường", "2026-05-31")).toBe("Quy chế của trường");
  });
});

describe("every printed basis cites the decree in force", () => {
  const all = (on: string) => SETTING_KEYS.map((k) => defaultSettings(on)[k].basis).join("\n");

  it("the eligibility rules for 2025–2026 cite 152/2025, never the replaced 91/2017 or 98/2023", () => {
    const text = all("2026-05-31");
    expect(text).toContain("Nghị định 152/2025/NĐ-CP");
    expect(text).not.toMatch(/91\/2017|98\/2023|thay thế|\{nghị định\}/);
    expect(defaultSettings("2026-05-31")["ldtt.maxAbsenceDays"].basis).toBe("Nghị định 152/2025/NĐ-CP: nghỉ từ 40 ngày làm việc trở lên không xét (trừ thai sản)");
  });

  it("a period that ended under 98/2023 (2023–2024) still cites it, and one under 91/2017 cites that", () => {
    expect(all("2024-05-31")).toContain("Nghị định 98/2023/NĐ-CP");
    expect(all("2024-05-31")).not.toContain("152/2025");
    expect(defaultSettings("2023-05-31")["vote.schoolPass"].basis).toBe("Nghị định 91/2017/NĐ-CP: CSTĐCS từ 70% số phiếu đồng ý");
  });

  it("the dossier check and the plan template cite it too", () => {
    expect(dossierRule([], [], "2026-06-10")[0].basis).toContain("Nghị định 152/2025/NĐ-CP");
    expect(dossierRule([], [], "2024-06-10")[0].basis).toContain("Nghị định 98/2023/NĐ-CP");
    const plan = (startYear: number) => buildPlanTemplate({ schoolName: "Trường Tiểu học A", level: "TIEU_HOC", govUnitName: "UBND xã", upperUnionName: "Công đoàn Giáo dục tỉnh", address: null, startYear }).sections.find((s) => s.key === "legal_basis")!.body;
    expect(plan(2025)).toContain("Nghị định số 152/2025/NĐ-CP của Chính phủ");
    expect(plan(2025)).not.toContain("98/2023");
    expect(plan(2024)).toContain("Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ");
  });
});
