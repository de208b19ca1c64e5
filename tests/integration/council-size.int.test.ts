// Issue 11, council and votes: a council whose size breaks the setting (DOMAIN.md §1 and rule 12:
// the number of members is odd) cannot open a vote — neither a meeting nor a ballot in a meeting
// already open — and the pages say why where the vote would open. Nothing is written on refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb, errorCode as code, errorMessage as message, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { getCouncilPage, getMeetingPage } from "@/lib/council/queries";
import { addCouncilMember, openMeeting, recordListVote, removeCouncilMember } from "@/lib/council/mutations";
import { addEligible, createPackage } from "@/lib/nominations/mutations";

const S = DEMO.schools;
const Y25 = DEMO.years.Y2025;
const EIGHT = "Chưa mở được phiên bỏ phiếu: Hội đồng có 8 thành viên, số thành viên phải là số lẻ.";

let t: TestDb;
let v: DemoViewers;

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ awards: true }));
});
afterAll(() => t?.drop());

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("a council of 8 (the setting asks for an odd number)", () => {
  let eighth = "";
  let meetingId = "";
  let packageId = "";

  it("an eighth member is accepted, but no meeting opens: the reason is given where it would open", async () => {
    const before = await getCouncilPage(v.STA_PRINCIPAL, S.STA, Y25);
    expect(before.members).toHaveLength(7);
    expect(before.voteBlock).toBeNull();
    const candidate = before.candidates[0];
    await addCouncilMember(v.STA_PRINCIPAL, { councilId: before.council!.id, memberId: candidate.id, role: "MEMBER" });
    const page = await getCouncilPage(v.STA_PRINCIPAL, S.STA, Y25);
    expect(page.members).toHaveLength(8);
    expect(page.voteBlock).toBe(EIGHT);
    eighth = page.members.find((m) => m.memberId === candidate.id)!.id;
    const meetings = await t.prisma.councilMeeting.count();
    const seats = page.members.map((m) => m.id);
    expect(await message(openMeeting(v.STA_PRINCIPAL, { councilId: page.council!.id, heldOn: daysAgo(3), purpose: "Bình xét thi đua", presentIds: seats }))).toBe(EIGHT);
    expect(await t.prisma.councilMeeting.count()).toBe(meetings);
  });

  it("back to 7: the meeting opens; a seat added while it is open stops the ballots, with the reason on the meeting page", async () => {
    await removeCouncilMember(v.STA_PRINCIPAL, { councilMemberId: eighth });
    const page = await getCouncilPage(v.STA_PRINCIPAL, S.STA, Y25);
    expect(page.voteBlock).toBeNull();
    meetingId = (await openMeeting(v.STA_PRINCIPAL, { councilId: page.council!.id, heldOn: daysAgo(3), purpose: "Bình xét thi đua", presentIds: page.members.map((m) => m.id) })).id;
    packageId = (await createPackage(v.STA_CHAIR, { schoolId: S.STA, schoolYearId: Y25 })).id;
    expect((await addEligible(v.STA_CHAIR, { packageId, titleCode: "LDTT" })).added).toBeGreaterThan(0);
    expect((await getMeetingPage(v.STA_PRINCIPAL, meetingId)).voteBlock).toBeNull();

    await addCouncilMember(v.STA_PRINCIPAL, { councilId: page.council!.id, memberId: page.candidates[0].id, role: "MEMBER" });
    expect((await getMeetingPage(v.STA_PRINCIPAL, meetingId)).voteBlock).toBe(EIGHT);
    expect(await message(recordListVote(v.STA_CHAIR, { meetingId, packageId, issued: 7, returned: 7, valid: 7, agree: 7 }))).toBe(EIGHT);
    expect(await t.prisma.councilVote.count({ where: { meetingId } })).toBe(0);
    // Another school's chair still finds nothing.
    expect(await code(recordListVote(v.KD_CHAIR, { meetingId, packageId, issued: 7, returned: 7, valid: 7, agree: 7 }))).toBe("NOT_FOUND");
  });
});
