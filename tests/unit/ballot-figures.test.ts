// Rule 13: ballots issued, returned, valid, agree and % agree, as the meeting page and the
// minutes print them.
import { describe, expect, it } from "vitest";
import { ballotFigures } from "@/lib/council/ballot-figures";

describe("ballot figures", () => {
  it("keeps the counts and gives % agree of the threshold's base, Vietnamese style", () => {
    expect(ballotFigures({ issued: 9, returned: 9, valid: 8, agree: 6, baseCount: 9 })).toEqual({ issued: 9, returned: 9, valid: 8, agree: 6, baseCount: 9, percentAgree: 66.67, percentText: "66,67%", agreeText: "6/9" });
    expect(ballotFigures({ issued: 7, returned: 7, valid: 7, agree: 7, baseCount: 7 }).percentText).toBe("100%");
    expect(ballotFigures({ issued: 10, returned: 10, valid: 10, agree: 7, baseCount: 10 }).percentAgree).toBe(70);
  });
  it("an empty base gives 0%, not a division by zero", () => {
    expect(ballotFigures({ issued: 0, returned: 0, valid: 0, agree: 0, baseCount: 0 })).toMatchObject({ percentAgree: 0, percentText: "0%" });
  });
});
