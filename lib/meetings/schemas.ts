// zod input schemas for joint meetings (no server imports: forms reuse them).
import { id, optionalDate, optionalText, requiredText, vnDate, version, z, submissionKey } from "../validation";
import { cleanMultiline } from "../plans/schemas";

const optionalMultiline = (label: string, max = 10_000) =>
  z
    .string()
    .transform(cleanMultiline)
    .pipe(z.string().max(max, `${label} dài quá ${max} ký tự.`))
    .optional()
    .transform((v) => (v ? v : undefined));

const checkbox = z
  .enum(["on", "true", "1"])
  .optional()
  .transform((v) => v !== undefined);

const time = z
  .string()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "Giờ họp không hợp lệ (ví dụ 14:00).")
  .optional();

export const generateMeetingsSchema = z.strictObject({
  schoolId: id("trường"),
  schoolYearId: id("năm học"),
});
export type GenerateMeetingsInput = z.output<typeof generateMeetingsSchema>;

export const createMeetingSchema = z.strictObject({
  schoolId: id("trường"),
  schoolYearId: id("năm học"),
  kind: z.enum(["DISCIPLINE", "REWARD", "WELFARE", "MOVEMENT", "OTHER"], { error: "Vui lòng chọn loại cuộc họp." }),
  scheduledOn: vnDate("ngày họp"),
  title: optionalText("tên cuộc họp", 200),
  agenda: optionalMultiline("Nội dung dự kiến", 4000),
  submissionKey,
});
export type CreateMeetingInput = z.output<typeof createMeetingSchema>;

/** The five fixed attendee roles each have a name field and a "present" checkbox. */
export const saveMinutesSchema = z.strictObject({
  meetingId: id("cuộc họp"),
  version,
  heldOn: vnDate("ngày họp"),
  heldTime: time,
  location: optionalText("địa điểm", 200),
  docNumber: optionalText("số biên bản", 60),
  chairName: optionalText("người chủ trì", 120),
  secretaryName: optionalText("thư ký", 120),
  principalName: optionalText("họ tên Hiệu trưởng", 120),
  principalPresent: checkbox,
  partySecretaryName: optionalText("họ tên Bí thư Chi bộ", 120),
  partySecretaryPresent: checkbox,
  unionChairName: optionalText("họ tên Chủ tịch Công đoàn", 120),
  unionChairPresent: checkbox,
  youthUnionName: optionalText("họ tên Bí thư Chi đoàn", 120),
  youthUnionPresent: checkbox,
  pioneerLeaderName: optionalText("họ tên Tổng phụ trách Đội", 120),
  pioneerLeaderPresent: checkbox,
  others: optionalMultiline("Thành phần khác", 3000),
  agenda: optionalMultiline("Nội dung cuộc họp"),
  discussion: optionalMultiline("Ý kiến thảo luận"),
  decisions: optionalMultiline("Kết luận"),
});
export type SaveMinutesInput = z.output<typeof saveMinutesSchema>;

export const meetingStateSchema = z.strictObject({
  meetingId: id("cuộc họp"),
  version,
  action: z.enum(["close", "cancel"], { error: "Thao tác không hợp lệ." }),
});
export type MeetingStateInput = z.output<typeof meetingStateSchema>;

export const addTaskSchema = z.strictObject({
  meetingId: id("cuộc họp"),
  content: requiredText("nội dung nhiệm vụ", 500),
  ownerName: requiredText("người thực hiện", 120),
  ownerSide: z.enum(["GOV", "UNION", "BOTH"], { error: "Vui lòng chọn bên phụ trách." }),
  dueOn: optionalDate("hạn hoàn thành"),
  submissionKey,
});
export type AddTaskInput = z.output<typeof addTaskSchema>;

export const followUpTaskSchema = z.strictObject({
  taskId: id("nhiệm vụ"),
  version,
  /** The meeting at which the follow-up is recorded. */
  meetingId: id("cuộc họp"),
  status: z.enum(["OPEN", "DONE", "CANCELLED"], { error: "Vui lòng chọn kết quả." }),
  followUp: optionalText("kết quả thực hiện", 1000),
});
export type FollowUpTaskInput = z.output<typeof followUpTaskSchema>;

/** Đánh dấu hoàn thành a task when it is done (the member responsible, or those who run the meetings). */
export const completeTaskSchema = z.strictObject({
  taskId: id("nhiệm vụ"),
  version,
  followUp: optionalText("kết quả thực hiện", 1000),
});
export type CompleteTaskInput = z.output<typeof completeTaskSchema>;
