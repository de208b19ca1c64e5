// zod input schemas of the two routes (issue 12): split a package by deciding body, mark the
// government dossier sent, record the government decision with its scan, edit the authority table.
// No server imports: the forms reuse them.
import { TITLE_CODES } from "./catalogue";
import { BODY_KIND_CODES } from "./authority";
import { id, optionalDate, optionalText, requiredText, submissionKey, version, vnDate, z } from "../validation";

export const splitPackageSchema = z.strictObject({ packageId: id("hồ sơ"), version, submissionKey });
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
  submissionKey,
});
export type RecordStateDecisionInput = z.output<typeof recordStateDecisionSchema>;

const notAfterToday = (label: string) => vnDate(label).refine((d) => d.getTime() <= Date.now() + 86_400_000, { error: `${label[0].toUpperCase()}${label.slice(1)} không được sau hôm nay.` });
const idList = (label: string) =>
  z
    .string({ error: `Chọn ${label}.` })
    .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(id(label)).min(1, `Chọn ít nhất một ${label}.`).max(500));

/**
 * Quyết định của Ban Chấp hành công đoàn cơ sở (decision.issue of the school: the union chair) for
 * the posted nominees of the forms the school BCH decides. The number comes from the school union's
 * register (lib/documents/numbering.ts), the signature is "TM. BAN CHẤP HÀNH / CHỦ TỊCH".
 */
export const issueSchoolDecisionSchema = z.strictObject({
  schoolId: id("trường"),
  schoolYearId: id("năm học"),
  signedOn: notAfterToday("ngày ký"),
  signerName: requiredText("người ký", 120),
  summary: optionalText("trích yếu", 300),
  itemIds: idList("người được khen thưởng"),
  submissionKey,
});
export type IssueSchoolDecisionInput = z.output<typeof issueSchoolDecisionSchema>;

/**
 * Thu hồi a decision kept by the school: the BCH's own (decision.issue of the school) or a
 * government decision the school recorded, revoked by that authority (decision.record_external).
 */
export const revokeSchoolDecisionSchema = z.strictObject({
  schoolId: id("trường"),
  decisionId: id("quyết định"),
  reason: requiredText("lý do thu hồi", 1000).refine((s) => s.length >= 5, { error: "Ghi rõ lý do thu hồi." }),
  number: optionalText("số quyết định thu hồi", 60),
  revokedOn: notAfterToday("ngày thu hồi"),
  submissionKey,
});
export type RevokeSchoolDecisionInput = z.output<typeof revokeSchoolDecisionSchema>;

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
  submissionKey,
});
export type SaveAuthorityInput = z.output<typeof saveAuthoritySchema>;
