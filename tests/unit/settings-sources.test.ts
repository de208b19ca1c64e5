// Rule 10 (issue 10): the HTXSNV cap is law, but its 20% default is assumed, and the setting
// must say so rather than carry a "law" tag.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTING_ROWS } from "@/lib/awards/settings";

describe("setting sources", () => {
  it("the HTXSNV share's 20% default is tagged assumed and names the decree for the cap", () => {
    const row = DEFAULT_SETTING_ROWS.find((r) => r.key === "cap.htxsnvShare")!;
    expect(row.value).toEqual({ num: 20, den: 100 });
    expect(row.source).toBe("assumed");
    expect(row.basis).toContain("48/2023");
    expect(row.basis).toContain("giả định");
  });
});
