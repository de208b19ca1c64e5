// zod input schemas for campaigns and registration (no server imports: forms reuse them).
import { z, id, optionalDate, optionalText, requiredText, submissionKey, version } from "../validation";
import { TITLE_CODES, type TitleCode } from "./rules";

export const ROUND_SLOTS = 4;

const titleFields = Object.fromEntries(TITLE_CODES.map((c) => [`title_${c}`, z.literal("on").optional()])) as Record<`title_${TitleCode}`, z.ZodOptional<z.ZodLiteral<"on">>>;
const roundFields = Object.fromEntries(
  Array.from({ length: ROUND_SLOTS }, (_, i) => [
    [`round${i}_name`, optionalText("tên đợt", 120)],
    [`round${i}_start`, optionalDate("ngày bắt đầu đợt")],
    [`round${i}_end`, optionalDate("ngày kết thúc đợt")],
  ]).flat(),
) as Record<string, z.ZodType>;

const campaignFields = {
  name: requiredText("tên phong trào", 200),
  movement: z.enum(["HAI_TOT", "DOI_MOI_SANG_TAO", "GIOI_VIEC_TRUONG", "LAO_DONG_GIOI", "XANH_SACH_DEP", "TAM_GUONG_DAO_DUC", "KHAC"], { error: "Chọn phong trào." }),
  description: optionalText("mô tả", 4000),
  schoolYearId: id("năm học"),
  audience: z.enum(["ALL_MEMBERS", "TEACHERS", "WOMEN"], { error: "Chọn đối tượng." }),
  scaleId: id("biểu điểm").optional(),
  registrationDeadline: optionalDate("hạn đăng ký"),
  ...titleFields,
  ...roundFields,
};

export interface CampaignInput {
  name: string;
  movement: "HAI_TOT" | "DOI_MOI_SANG_TAO" | "GIOI_VIEC_TRUONG" | "LAO_DONG_GIOI" | "XANH_SACH_DEP" | "TAM_GUONG_DAO_DUC" | "KHAC";
  description?: string;
  schoolYearId: string;
  audience: "ALL_MEMBERS" | "TEACHERS" | "WOMEN";
  scaleId?: string;
  registrationDeadline?: Date;
  titles: TitleCode[];
  rounds: { name: string; startsOn: Date; endsOn: Date }[];
}

/** Checkbox and round-row fields → titles[] and rounds[], with field errors for half-filled rows. */
function toInput(v: Record<string, unknown>, ctx: z.RefinementCtx): CampaignInput {
  const titles = TITLE_CODES.filter((c) => v[`title_${c}`] === "on");
  if (titles.length === 0) ctx.addIssue({ code: "custom", path: ["titles"], message: "Chọn ít nhất một danh hiệu được đăng ký." });
  const rounds: CampaignInput["rounds"] = [];
  for (let i = 0; i < ROUND_SLOTS; i++) {
    const name = v[`round${i}_name`] as string | undefined;
    const start = v[`round${i}_start`] as Date | undefined;
    const end = v[`round${i}_end`] as Date | undefined;
    if (!name && !start && !end) continue;
    if (!name || !start || !end) {
      ctx.addIssue({ code: "custom", path: [`round${i}_name`], message: "Mỗi đợt cần tên, ngày bắt đầu và ngày kết thúc." });
      continue;
    }
    if (end < start) ctx.addIssue({ code: "custom", path: [`round${i}_end`], message: "Ngày kết thúc phải sau ngày bắt đầu." });
    rounds.push({ name, startsOn: start, endsOn: end });
  }
  return {
    name: v.name as string,
    movement: v.movement as CampaignInput["movement"],
    description: v.description as string | undefined,
    schoolYearId: v.schoolYearId as string,
    audience: v.audience as CampaignInput["audience"],
    scaleId: v.scaleId as string | undefined,
    registrationDeadline: v.registrationDeadline as Date | undefined,
    titles,
    rounds,
  };
}

/** Owner is the school or upper unit of the page; the server resolves it through the viewer's scope. */
export const createCampaignSchema = z
  .strictObject({ schoolId: id("trường").optional(), unitId: id("đơn vị").optional(), ...campaignFields, submissionKey })
  .transform((v, ctx) => ({ schoolId: v.schoolId, unitId: v.unitId, submissionKey: v.submissionKey, ...toInput(v, ctx) }));

export const updateCampaignSchema = z
  .strictObject({ campaignId: id("phong trào"), version, ...campaignFields })
  .transform((v, ctx) => ({ campaignId: v.campaignId, version: v.version, ...toInput(v, ctx) }));

export const transitionCampaignSchema = z.strictObject({
  campaignId: id("phong trào"),
  version,
  action: z.enum(["open", "startScoring", "close"]),
});

export const registerSchema = z.strictObject({
  schoolId: id("trường"),
  campaignId: id("phong trào"),
  title: z.enum(TITLE_CODES as [TitleCode, ...TitleCode[]], { error: "Chọn danh hiệu." }),
});

export const registerCollectiveSchema = registerSchema.extend({
  /** "school" or a union group id. */
  subject: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
});

export const withdrawSchema = z.strictObject({ registrationId: id("đăng ký") });

export const remindSchema = z.strictObject({ schoolId: id("trường"), campaignId: id("phong trào"), submissionKey });
