// zod input schemas for the school council (no server imports: forms reuse them).
import { id, optionalDate, optionalText, requiredText, version, vnDate, z, submissionKey } from "../validation";

const count = (label: string) => z.coerce.number({ error: `Vui lòng nhập ${label}.` }).int(`${label} phải là số nguyên.`).min(0, `${label} không được âm.`).max(1000);
const idList = (label: string) =>
  z
    .string({ error: `Vui lòng chọn ${label}.` })
    .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(id(label)).max(200));

export const COUNCIL_ROLES = ["CHAIR", "VICE_CHAIR", "SECRETARY", "MEMBER"] as const;
export const COUNCIL_ROLE_LABELS: Record<(typeof COUNCIL_ROLES)[number], string> = {
  CHAIR: "Chủ tịch Hội đồng",
  VICE_CHAIR: "Phó Chủ tịch Hội đồng",
  SECRETARY: "Thư ký",
  MEMBER: "Ủy viên",
};

export const createCouncilSchema = z.strictObject({
  schoolId: id("trường"),
  schoolYearId: id("năm học"),
  decisionNumber: optionalText("số quyết định thành lập", 60),
  establishedOn: optionalDate("ngày thành lập"),
  submissionKey,
});
export type CreateCouncilInput = z.output<typeof createCouncilSchema>;

export const addCouncilMemberSchema = z.strictObject({
  councilId: id("hội đồng"),
  memberId: id("thành viên"),
  role: z.enum(COUNCIL_ROLES, { error: "Chọn vai trò trong Hội đồng." }),
  position: optionalText("chức vụ", 120),
  submissionKey,
});
export type AddCouncilMemberInput = z.output<typeof addCouncilMemberSchema>;

export const removeCouncilMemberSchema = z.strictObject({ councilMemberId: id("thành viên hội đồng") });
export type RemoveCouncilMemberInput = z.output<typeof removeCouncilMemberSchema>;

export const openMeetingSchema = z.strictObject({
  councilId: id("hội đồng"),
  heldOn: vnDate("ngày họp").refine((d) => d.getTime() <= Date.now() + 86_400_000, { error: "Ngày họp không được sau hôm nay." }),
  purpose: requiredText("nội dung cuộc họp", 300),
  location: optionalText("địa điểm", 200),
  presentIds: idList("thành viên có mặt"),
  submissionKey,
});
export type OpenMeetingInput = z.output<typeof openMeetingSchema>;

const tally = {
  issued: count("Số phiếu phát ra"),
  returned: count("Số phiếu thu về"),
  valid: count("Số phiếu hợp lệ"),
  agree: count("Số phiếu đồng ý"),
};

export const recordVoteSchema = z.strictObject({ meetingId: id("phiên họp"), itemId: id("người được đề nghị"), ...tally });
export type RecordVoteInput = z.output<typeof recordVoteSchema>;

/** One show-of-hands tally for every nominee of a package whose title needs no secret ballot. */
export const recordListVoteSchema = z.strictObject({ meetingId: id("phiên họp"), packageId: id("hồ sơ"), ...tally });
export type RecordListVoteInput = z.output<typeof recordListVoteSchema>;

/** The field of one nominee's "agree" count on a ballot sheet. */
export const agreeField = (itemId: string) => `agree_${itemId}`;
const AGREE_KEY = /^agree_([A-Za-z0-9_-]{1,64})$/;

/**
 * A ballot sheet listing every nominee (rule 13): the shared counts and one "agree" count per
 * nominee, sent as fields `agree_<itemId>`. `kind` says which nominees of the package it covers:
 * the secret ballot (CSTĐ…) or the show of hands (LĐTT, Giấy khen…) taken person by person.
 */
export const recordBallotSheetSchema = z
  .looseObject({
    meetingId: id("phiên họp"),
    packageId: id("hồ sơ"),
    kind: z.enum(["secret", "open"], { error: "Chọn hình thức bỏ phiếu." }),
    issued: tally.issued,
    returned: tally.returned,
    valid: tally.valid,
  })
  .transform((v, ctx) => {
    const agree: Record<string, number> = {};
    for (const [k, raw] of Object.entries(v)) {
      const m = AGREE_KEY.exec(k);
      if (!m) continue;
      const n = count("Số phiếu đồng ý").safeParse(raw);
      if (!n.success) ctx.addIssue({ code: "custom", path: [k], message: n.error.issues[0]?.message ?? "Vui lòng nhập số phiếu đồng ý." });
      else agree[m[1]] = n.data;
    }
    if (Object.keys(agree).length > 500) ctx.addIssue({ code: "custom", path: ["_"], message: "Danh sách quá dài." });
    return { meetingId: v.meetingId, packageId: v.packageId, kind: v.kind, issued: v.issued, returned: v.returned, valid: v.valid, agree };
  });
export type RecordBallotSheetInput = z.output<typeof recordBallotSheetSchema>;

export const closeMeetingSchema = z.strictObject({ meetingId: id("phiên họp"), version, minutesNote: optionalText("kết luận", 3000) });
export type CloseMeetingInput = z.output<typeof closeMeetingSchema>;
