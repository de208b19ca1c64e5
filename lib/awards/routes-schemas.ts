// zod input schemas of the two routes (issue 12): split a package by deciding body, mark the
// government dossier sent, record the government decision with its scan, edit the authority table.
// No server imports: the forms reuse them.
import { TITLE_CODES } from "./catalogue";
import { BODY_KIND_CODES } from "./authority";
import { id, optionalDate, optionalText, requiredText, version, vnDate, z } from "../validation";

export const splitPackageSchema = z.strictObject({ packageId: id("hồ sơ"), version });
export type SplitPackageInput = z.output<typeof splitPackageSchema>;

export const markSentSchema = z.strictObject({ packageId: id("hồ sơ"), version });
export type MarkSentInput = z.output<typeof markSentSchema>;

const scanFile = z.preprocess((v) => (typeof File !== "undefined" && v instanceof File && v.size === 0 ? undefined : v), z.instanceof(File, { error: "Chọn bản chụp quyết định đã ký (PDF hoặc ảnh)." }));

/** The government decision as it came back: number, date, issuing body, signer, and its scan. */
export const recordStateDecisionSchema = z.strictObject({
  packageId: id("hồ sơ"),
  number: requiredText("số quyết định", 60),
  signedOn: vnDate("ngày ký").refine((d) => d.getTime() <= Date.now() + 86_400_000, { error: "Ngày ký không được sau hôm nay." }),
  issuerName: requiredText("cơ quan ban hành", 200),
  issuerParent: optionalText("cơ quan cấp trên của cơ quan ban hành", 200),
  signerName: requiredText("người ký", 120),
  signerTitle: requiredText("chức vụ người ký", 120),
  summary: optionalText("trích yếu", 300),
  file: scanFile,
});
export type RecordStateDecisionInput = z.output<typeof recordStateDecisionSchema>;

/** One row of the authority table (authority.manage: admin). */
export const saveAuthoritySchema = z.strictObject({
  /** The upper-unit screen the admin edits it from (the gate's target). */
  unitId: id("đơn vị"),
  authorityId: id("dòng thẩm quyền").optional(),
  version: z.coerce.number().int().min(0).default(0),
  titleCode: z.enum(TITLE_CODES, { error: "Chọn danh hiệu hoặc hình thức." }),
  side: z.enum(["UNION", "STATE"], { error: "Chọn khối quyết định." }),
  bodyKind: z.enum(BODY_KIND_CODES, { error: "Chọn cơ quan quyết định." }),
  bodyName: requiredText("tên cơ quan quyết định", 200),
  schoolManager: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["PHONG_GD", "SO_GD", "UBND_XA", "KHAC"]).optional()),
  level: z.enum(["SCHOOL", "DIRECT_UPPER", "PROVINCE", "NATIONAL"], { error: "Chọn cấp." }),
  basis: requiredText("văn bản căn cứ", 500),
  source: z.enum(["LAW", "OLD", "PRACTICE", "ASSUMED"], { error: "Chọn nguồn." }),
  validFrom: vnDate("ngày hiệu lực"),
  validTo: optionalDate("ngày hết hiệu lực"),
});
export type SaveAuthorityInput = z.output<typeof saveAuthoritySchema>;
