// Issue 11 (audit log in Vietnamese): every entity type, action and before/after field name that
// the code writes with record(...) has a Vietnamese label. The writers are read with the
// TypeScript checker (tests/support/audit-vocabulary.ts), so a field added through a spread, a
// snapshot helper or a variable is found too: a new field without a label fails here. The second
// block shows the issue's own examples as the log now reads them.
import { beforeAll, describe, expect, it } from "vitest";
import { actionLabel, diffChanges, entityLabel, entityName, ENTITY_LABELS, FIELD_LABELS, formatValue } from "@/components/audit/audit-format";
import { ID_FIELDS } from "@/lib/audit/id-fields";
import { scanAuditVocabulary, type AuditVocabulary } from "../support/audit-vocabulary";

let v: AuditVocabulary;
beforeAll(() => {
  v = scanAuditVocabulary();
}, 300_000);

/** record(...) calls whose action is a parameter (a workflow's codes): labelled per code in tests/unit/audit-labels.test.ts. */
const DYNAMIC_ACTIONS = ["lib/auth/password-audit.ts", "lib/awards/mutations.ts", "lib/members/mutations.ts", "lib/nominations/mutations.ts", "lib/scoring/mutations.ts"];

describe("every entity, action and field written to the audit log has a Vietnamese label", () => {
  it("reads the real writers", () => {
    expect(v.files.length).toBeGreaterThanOrEqual(20);
    expect(v.calls).toBeGreaterThanOrEqual(80);
    expect(v.entities.size).toBeGreaterThanOrEqual(30);
    expect(v.fields.size).toBeGreaterThanOrEqual(150);
    // The checker follows spreads and helpers: the member snapshot's columns, the plan header's fields.
    expect([...v.fields.keys()]).toEqual(expect.arrayContaining(["fullName", "unionGroupId", "meetingDay", "state", "status", "imported"]));
  });

  it("entity types", () => {
    const missing = [...v.entities].filter(([e]) => entityLabel(e) === e).map(([e, where]) => `${e} (${where[0]})`);
    expect(missing).toEqual([]);
  });

  it("field names of before/after", () => {
    const missing = [...v.fields].filter(([f]) => !FIELD_LABELS[f]).map(([f, where]) => `${f} (${where[0]})`);
    expect(missing).toEqual([]);
  });

  it("action codes written as literals or from literal types", () => {
    const missing = [...v.actions].filter(([a]) => actionLabel(a) === a).map(([a, where]) => `${a} (${where[0]})`);
    expect(missing).toEqual([]);
  });

  it("entity types are always literal; actions only in the known workflow writers are computed", () => {
    expect(v.unresolved.filter((u) => u.endsWith(" entity"))).toEqual([]);
    const computed = v.unresolved.filter((u) => u.endsWith(" action")).map((u) => u.split(":")[0]);
    expect(computed.filter((f) => !DYNAMIC_ACTIONS.includes(f))).toEqual([]);
  });

  it("labels are Vietnamese words, not the code's names", () => {
    for (const [k, label] of [...Object.entries(FIELD_LABELS), ...Object.entries(ENTITY_LABELS)]) {
      expect(label, k).not.toBe(k);
      expect(label, k).not.toMatch(/^[a-z]+[A-Z]/); // no camelCase left
    }
  });

  it("every id field names what it points to", () => {
    for (const f of Object.keys(ID_FIELDS)) expect(FIELD_LABELS[f], f).toBeTruthy();
  });
});

describe("the issue's entries, as the log reads them now", () => {
  it('"CoordinationPlan" → "Kế hoạch phối hợp"', () => {
    expect(entityLabel("CoordinationPlan")).toBe("Kế hoạch phối hợp");
    expect(entityLabel("JointMeeting")).toBe("Cuộc họp liên tịch");
  });

  it('"state: SUBMITTED→SIGNED_GOV" → the plan states in words', () => {
    expect(diffChanges({ state: "SUBMITTED", version: 3 }, { state: "SIGNED_GOV", version: 4 }, {}, "CoordinationPlan")).toEqual([
      { field: "state", label: "Trạng thái", before: "Trình ký", after: "Trình ký – nhà trường đã ký" },
    ]);
    expect(actionLabel("plan.sign_gov")).toMatch(/^Kế hoạch: /);
  });

  it('"meetingDay: 5→10" → "Ngày họp hằng tháng: 5 → 10", also inside a plan header snapshot', () => {
    expect(diffChanges({ meetingDay: 5 }, { meetingDay: 10 }, {}, "CoordinationPlan")).toEqual([{ field: "meetingDay", label: "Ngày họp hằng tháng", before: "5", after: "10" }]);
    const created = diffChanges(null, { schoolYearId: "yr_x", revision: 1, source: "template", header: { meetingDay: 5, docNumber: "01/KHPH" } }, { yr_x: "2025–2026" }, "CoordinationPlan");
    expect(created).toEqual([
      { field: "schoolYearId", label: "Năm học", before: null, after: "2025–2026" },
      { field: "revision", label: "Bản số", before: null, after: "1" },
      { field: "source", label: "Cách tạo", before: null, after: "Theo mẫu" },
      { field: "meetingDay", label: "Ngày họp hằng tháng", before: null, after: "5" },
      { field: "docNumber", label: "Số văn bản", before: null, after: "01/KHPH" },
    ]);
  });

  it("ids read as names where the page knows them, else are left out", () => {
    const names = { mem_a: "Nguyễn Thị Hà", grp_1: "Tổ CĐ Khối 1" };
    expect(diffChanges(null, { memberId: "mem_a", role: "CHAIR" }, names, "CouncilMember")).toEqual([
      { field: "memberId", label: "Đoàn viên", before: null, after: "Nguyễn Thị Hà" },
      { field: "role", label: "Vai trò", before: null, after: "Chủ tịch Hội đồng" },
    ]);
    expect(diffChanges({ status: "OPEN", followUp: null }, { status: "DONE", followUp: "Xong", reviewedInId: "mtg_unknown" }, {}, "MeetingTask").map((c) => c.field)).toEqual(["status", "followUp"]);
    expect(entityName(null, { revision: 2 }, { cpl_1: "Kế hoạch năm học 2025–2026" }, "cpl_1")).toBe("Kế hoạch năm học 2025–2026");
  });

  it("the import entry: its count the Vietnamese way", () => {
    const c = diffChanges(null, { fileName: "ds.xlsx", imported: 3000, rows: "2–3001", skipped: 0, skippedRows: [], firstMemberId: "mem_x" }, {}, "School");
    expect(c).toEqual([
      { field: "fileName", label: "Tệp", before: null, after: "ds.xlsx" },
      { field: "imported", label: "Số đoàn viên đã nhập", before: null, after: "3.000" },
      { field: "rows", label: "Các dòng trong tệp", before: null, after: "2–3001" },
      { field: "skipped", label: "Số dòng bỏ qua", before: null, after: "0" },
    ]);
  });

  it("values: states of each workflow, titles, scores in tenths, sizes", () => {
    expect(formatValue("RETURNED", {}, "status", "NominationPackage")).not.toBe("RETURNED");
    expect(formatValue("APPEALS", {}, "state", "ScorePeriod")).not.toBe("APPEALS");
    expect(formatValue("ACCEPTED", {}, "state", "Appeal")).toBe("Chấp nhận");
    expect(formatValue(875, {}, "total", "ScoreStage")).toBe("87,5");
    expect(formatValue(2_500_000, {}, "sizeBytes")).toBe("2.441 KB");
    expect(formatValue(["mem_a", "mem_b"], { mem_a: "A", mem_b: "B" }, "memberIds")).toBe("A, B");
    expect(formatValue(["mem_a", "mem_zz"], { mem_a: "A" }, "memberIds")).toBe("2 mục");
  });
});
