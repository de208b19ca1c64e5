// The one text-param helper (issue 10): a NUL byte in ?q= made PostgreSQL fail (22021) and the
// member list answer 500. Control characters are stripped; NFC; trimmed; bounded.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { textParam } from "@/lib/server/page";

describe("textParam", () => {
  it.each([
    ["a\u0000b", "a b"],
    ["\u0000", undefined],
    ["Nguy\u0000ễn\u0007\u001b[31m", "Nguy ễn [31m"],
    ["  an\tbình\r\n ", "an bình"],
    ["x\u007f", "x"],
    ["Nguye\u0302\u0303n", "Nguyễn"],
    ["", undefined],
    [undefined, undefined],
    [null, undefined],
    [["q1", "q2"], "q1"],
  ])("%j → %j", (input, expected) => {
    expect(textParam(input as string)).toBe(expected);
  });

  it("never returns a control character and keeps the bound", () => {
    for (let c = 0; c < 32; c++) expect(textParam(`a${String.fromCharCode(c)}b`)).not.toMatch(/[\u0000-\u001f]/);
    expect(textParam("x".repeat(500), 100)).toHaveLength(100);
  });

  it("the member export reads its filters through textParam", () => {
    const src = readFileSync("app/(app)/truong/[schoolId]/doan-vien/xuat/route.ts", "utf8");
    expect(src).toContain("textParam(sp.get(k), max)");
  });
});
