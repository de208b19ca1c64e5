// Pure pieces of the dashboards (lib/dashboards/rules.ts): shares, distributions, the pipeline.
import { describe, expect, it } from "vitest";
import { ITEM_STATES } from "@/lib/awards/workflow";
import {
  bucketPipeline,
  delta,
  distribution,
  mergeCounts,
  missingRoles,
  nextDir,
  parseDir,
  parseSort,
  PIPELINE_BUCKETS,
  PIPELINE_OF,
  pipelineTotal,
  planStatusOfRank,
  PLAN_STATUS_RANK,
  share,
  statesOf,
  UNRANKED,
} from "@/lib/dashboards/rules";

describe("share and delta", () => {
  it("divides, clamps to 0..1 and says null when there is nothing to divide by", () => {
    expect(share(25, 36)).toBeCloseTo(0.6944, 4);
    expect(share(0, 10)).toBe(0);
    expect(share(3, 0)).toBeNull();
    expect(share(12, 10)).toBe(1);
    expect(share(Number.NaN, 10)).toBeNull();
  });
  it("a delta needs both years", () => {
    expect(delta(0.5, 0.75)).toBeCloseTo(0.25);
    expect(delta(null, 0.75)).toBeNull();
    expect(delta(4, 1)).toBe(-3);
  });
});

describe("the nominations pipeline", () => {
  it("puts every nominee state in one bucket or outside the pipeline", () => {
    expect(Object.keys(PIPELINE_OF).sort()).toEqual([...ITEM_STATES].sort());
    const all = PIPELINE_BUCKETS.flatMap(statesOf);
    expect(new Set(all).size).toBe(all.length);
    expect(statesOf("draft").sort()).toEqual(["DRAFT", "POSTED"]);
    expect(statesOf("approved").sort()).toEqual(["APPROVED", "APPROVED_CHANGED", "DECIDED"]);
    expect(statesOf("returned")).toEqual(["RETURNED"]);
    expect(statesOf("submitted")).toEqual(["SUBMITTED"]);
  });
  it("counts nominees by bucket, leaving out rejected, withdrawn and revoked ones", () => {
    const p = bucketPipeline([{ status: "DRAFT" }, { status: "POSTED", count: 2 }, { status: "SUBMITTED", count: 8 }, { status: "RETURNED" }, { status: "DECIDED", count: 2 }, { status: "APPROVED_CHANGED" }, { status: "REJECTED", count: 5 }, { status: "WITHDRAWN" }, { status: "REVOKED" }]);
    expect(p).toEqual({ draft: 3, submitted: 8, returned: 1, approved: 3 });
    expect(pipelineTotal(p)).toBe(15);
  });
});

describe("classification distribution", () => {
  it("orders bands best first, unranked last, with shares of the whole", () => {
    const d = distribution({ Khá: 3, [UNRANKED]: 1, "Xuất sắc": 10, Tốt: 22, Trống: 0 });
    expect(d.map((x) => x.label)).toEqual(["Xuất sắc", "Tốt", "Khá", UNRANKED]);
    expect(d.map((x) => x.count)).toEqual([10, 22, 3, 1]);
    expect(d[0].share).toBeCloseTo(10 / 36);
    expect(d.reduce((s, x) => s + (x.share ?? 0), 0)).toBeCloseTo(1);
    expect(distribution({})).toEqual([]);
  });
  it("keeps another scale's bands (A+/A/B/C) in their order and adds up schools", () => {
    expect(distribution({ C: 1, A: 2, "A+": 3, B: 4 }).map((x) => x.label)).toEqual(["A+", "A", "B", "C"]);
    expect(mergeCounts([{ Tốt: 2, Khá: 1 }, { Tốt: 3, "Xuất sắc": 1 }, {}])).toEqual({ Tốt: 5, Khá: 1, "Xuất sắc": 1 });
  });
});

describe("the upper unit's table options", () => {
  it("plan status ranks none < draft < being signed < signed, and back", () => {
    expect([PLAN_STATUS_RANK.NONE, PLAN_STATUS_RANK.DRAFT, PLAN_STATUS_RANK.SUBMITTED, PLAN_STATUS_RANK.SIGNED]).toEqual([0, 1, 2, 3]);
    for (const s of ["NONE", "DRAFT", "SUBMITTED", "SIGNED"] as const) expect(planStatusOfRank(PLAN_STATUS_RANK[s])).toBe(s);
    expect(planStatusOfRank(9)).toBe("NONE");
  });
  it("sorts only by known columns; names ascend and figures descend by default; a header toggles", () => {
    expect(parseSort("awards")).toBe("awards");
    expect(parseSort("1; DROP TABLE")).toBe("name");
    expect(parseSort(undefined)).toBe("name");
    expect(parseDir(undefined, "name")).toBe("asc");
    expect(parseDir(undefined, "registration")).toBe("desc");
    expect(parseDir("sideways", "awards")).toBe("desc");
    expect(parseDir("asc", "awards")).toBe("asc");
    expect(nextDir({ sort: "awards", dir: "desc" }, "awards")).toBe("asc");
    expect(nextDir({ sort: "awards", dir: "asc" }, "awards")).toBe("desc");
    expect(nextDir({ sort: "awards", dir: "asc" }, "name")).toBe("asc");
    expect(nextDir({ sort: "name", dir: "asc" }, "scoring")).toBe("desc");
  });
  it("flags a missing principal and a missing union chair", () => {
    expect(missingRoles({ principal: true, chair: true })).toEqual([]);
    expect(missingRoles({ principal: false, chair: true })).toEqual(["PRINCIPAL"]);
    expect(missingRoles({ principal: false, chair: false })).toEqual(["PRINCIPAL", "UNION_CHAIR"]);
  });
});
