// Pure member rules: status labels and transitions, list filters, and the row-by-row
// validation of an Excel import. No I/O: the UI, the actions and the tests call these.
import type { Gender, MemberStatus } from "../generated/prisma/enums";
import type { Viewer } from "../authz/permissions";
import { foldVietnamese, formatDate, toDateInput } from "../format";
import { importRowSchema, type ImportRowInput } from "./schemas";
import { atLeast, reachIn } from "../authz/decide";
import { importDateText, parseYesNo } from "./union-fields";

export const STATUS_LABELS: Record<MemberStatus, string> = {
  ACTIVE: "Đang công tác",
  ON_LEAVE: "Nghỉ phép",
  MATERNITY_LEAVE: "Nghỉ thai sản",
  LEFT: "Đã nghỉ việc",
};
export const STATUS_TONES: Record<MemberStatus, "green" | "amber" | "blue" | "slate"> = {
  ACTIVE: "green",
  ON_LEAVE: "amber",
  MATERNITY_LEAVE: "blue",
  LEFT: "slate",
};
export const GENDER_LABELS: Record<Gender, string> = { NAM: "Nam", NU: "Nữ" };

/** The explicit status changes a chair may make from each status (a small state machine). */
export const STATUS_CHANGES: Record<MemberStatus, { to: MemberStatus; label: string }[]> = {
  ACTIVE: [
    { to: "ON_LEAVE", label: "Cho nghỉ phép" },
    { to: "MATERNITY_LEAVE", label: "Nghỉ thai sản" },
    { to: "LEFT", label: "Đã nghỉ việc" },
  ],
  ON_LEAVE: [
    { to: "ACTIVE", label: "Trở lại công tác" },
    { to: "LEFT", label: "Đã nghỉ việc" },
  ],
  MATERNITY_LEAVE: [
    { to: "ACTIVE", label: "Trở lại công tác" },
    { to: "LEFT", label: "Đã nghỉ việc" },
  ],
  // Someone recorded as left by mistake, or re-employed, comes back; the audit keeps both.
  LEFT: [{ to: "ACTIVE", label: "Trở lại công tác" }],
};

export function canChangeStatus(from: MemberStatus, to: MemberStatus): boolean {
  return STATUS_CHANGES[from].some((c) => c.to === to);
}

/** List filter by status (URL value `trang-thai`); the default hides people who left. */
export const STATUS_FILTERS = [
  { slug: "", label: "Đoàn viên hiện tại", statuses: ["ACTIVE", "ON_LEAVE", "MATERNITY_LEAVE"] },
  { slug: "dang-cong-tac", label: "Đang công tác", statuses: ["ACTIVE"] },
  { slug: "nghi-phep", label: "Nghỉ phép", statuses: ["ON_LEAVE"] },
  { slug: "thai-san", label: "Nghỉ thai sản", statuses: ["MATERNITY_LEAVE"] },
  { slug: "da-nghi", label: "Đã nghỉ việc", statuses: ["LEFT"] },
  { slug: "tat-ca", label: "Tất cả (kể cả đã nghỉ)", statuses: ["ACTIVE", "ON_LEAVE", "MATERNITY_LEAVE", "LEFT"] },
] as const satisfies readonly { slug: string; label: string; statuses: readonly MemberStatus[] }[];

export function statusFilter(slug: string | undefined): (typeof STATUS_FILTERS)[number] {
  return STATUS_FILTERS.find((f) => f.slug === (slug ?? "")) ?? STATUS_FILTERS[0];
}

/**
 * May the viewer open a school's member list at all (a group leader sees their group, a member
 * themselves)? For links only: the query applies memberScope to every row.
 */
export function canListMembers(viewer: Viewer, school: { id: string; unionUnitId: string }): boolean {
  return atLeast(reachIn(viewer, "member.read", school.id, school.unionUnitId), "group");
}

// ---------------------------------------------------------------------------------------------
// Excel import: columns and row validation

export type ImportField =
  | "fullName"
  | "gender"
  | "dateOfBirth"
  | "position"
  | "professionalGroup"
  | "unionGroup"
  | "email"
  | "phone"
  | "joinedUnionAt"
  | "contractStartAt"
  | "citizenId"
  | "ethnicity"
  | "hometown"
  | "unionCardNumber"
  | "partyMember"
  | "partyJoinedAt";

/** The template's columns, in order, with their Vietnamese headers. */
export const IMPORT_COLUMNS: readonly { field: ImportField; header: string; required?: boolean; width: number }[] = [
  { field: "fullName", header: "Họ và tên", required: true, width: 28 },
  { field: "gender", header: "Giới tính", required: true, width: 10 },
  { field: "dateOfBirth", header: "Ngày sinh", width: 12 },
  { field: "position", header: "Chức vụ", width: 22 },
  { field: "professionalGroup", header: "Tổ chuyên môn", width: 20 },
  { field: "unionGroup", header: "Tổ công đoàn", width: 22 },
  { field: "email", header: "Email", width: 28 },
  { field: "phone", header: "Số điện thoại", width: 15 },
  { field: "joinedUnionAt", header: "Ngày vào công đoàn", width: 18 },
  { field: "contractStartAt", header: "Ngày bắt đầu hợp đồng", width: 20 },
  { field: "citizenId", header: "Số CCCD", width: 16 },
  { field: "ethnicity", header: "Dân tộc", width: 12 },
  { field: "hometown", header: "Quê quán", width: 28 },
  { field: "unionCardNumber", header: "Số thẻ đoàn viên", width: 16 },
  { field: "partyMember", header: "Đảng viên", width: 11 },
  { field: "partyJoinedAt", header: "Ngày vào Đảng", width: 14 },
];

/** The columns holding calendar dates (written as real Excel dates, read from dates, text or serials). */
export const DATE_FIELDS = ["dateOfBirth", "joinedUnionAt", "contractStartAt", "partyJoinedAt"] as const satisfies readonly ImportField[];

const HEADER_OF: Record<string, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c.header]));
HEADER_OF.unionGroupId = HEADER_OF.unionGroup;

/** One data row read from the sheet: its row number in Excel and the cell texts by field. */
export interface RawImportRow {
  row: number;
  values: Partial<Record<ImportField, string>>;
}
export interface ImportProblem {
  row: number;
  /** The person's name on that row (as typed), so a long report can be read without the file. */
  name: string;
  column: string;
  /** The value refused, as read from the cell ("" when the cell was empty). */
  value: string;
  message: string;
}
export interface ValidImportRow {
  row: number;
  data: ImportRowInput;
}
export interface ImportReport {
  total: number;
  valid: ValidImportRow[];
  problems: ImportProblem[];
}

export interface ImportContext {
  groups: { id: string; name: string }[];
  /** "nameSearch|yyyy-mm-dd" of the school's current members, to refuse importing them twice. */
  existing: Set<string>;
}

/** "Tổ CĐ Khối 1–2", "to cd khoi 1-2" and "Khối 1 - 2" all become "khoi 1-2". */
export function groupMatchKey(name: string): string {
  return foldVietnamese(name)
    .replace(/\s*[-–—]\s*/g, "-")
    .replace(/^(to cong doan|to cd|to)\s+/, "");
}

/** The key that makes two member records "the same person" for duplicate checks. */
export function personKey(fullName: string, dateOfBirth: Date | null | undefined): string {
  return `${foldVietnamese(fullName)}|${toDateInput(dateOfBirth ?? null)}`;
}

/** Vietnamese mobile numbers typed into a number cell lose their leading zero. */
function fixPhone(s: string | undefined): string | undefined {
  return s && /^[1-9]\d{8}$/.test(s) ? `0${s}` : s;
}

/** A CCCD typed into a number cell loses its leading zeros (every province code starts with 0). */
function fixCitizenId(s: string | undefined): string | undefined {
  return s && /^\d{9,11}$/.test(s) ? s.padStart(12, "0") : s;
}

/**
 * Validates every row with the same rules as the form, plus what only a file can get wrong:
 * an unknown union group, a person twice in the file, someone the school already has.
 */
export function validateImportRows(rows: RawImportRow[], ctx: ImportContext): ImportReport {
  const groups = new Map(ctx.groups.map((g) => [groupMatchKey(g.name), g.id]));
  const problems: ImportProblem[] = [];
  const valid: ValidImportRow[] = [];
  const seenPerson = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  const seenCitizenId = new Map<string, number>();

  for (const { row, values } of rows) {
    const rowProblems: ImportProblem[] = [];
    const name = values.fullName ?? "";
    const add = (column: string, message: string, value = "") => rowProblems.push({ row, name, column, message, value });
    const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, importDateText(values[f])])) as Record<(typeof DATE_FIELDS)[number], string | undefined>;
    const party = parseYesNo(values.partyMember);
    if (party === null) add("Đảng viên", 'Ghi "Có" (hoặc x) nếu là đảng viên, để trống nếu không.', values.partyMember);

    const genderText = values.gender ? foldVietnamese(values.gender) : "";
    const gender = genderText === "nam" ? "NAM" : genderText === "nu" ? "NU" : undefined;
    if (!values.gender) add("Giới tính", "Thiếu giới tính (ghi Nam hoặc Nữ).");
    else if (!gender) add("Giới tính", `Giới tính "${values.gender}" không hợp lệ: ghi Nam hoặc Nữ.`, values.gender);

    let unionGroupId: string | undefined;
    if (values.unionGroup) {
      unionGroupId = groups.get(groupMatchKey(values.unionGroup));
      if (!unionGroupId) add("Tổ công đoàn", `Trường không có tổ công đoàn "${values.unionGroup}".`, values.unionGroup);
    }

    const parsed = importRowSchema.safeParse({
      fullName: values.fullName ?? "",
      gender: gender ?? "NAM", // reported above; keeps zod from repeating it
      dateOfBirth: dates.dateOfBirth,
      position: values.position,
      professionalGroup: values.professionalGroup,
      email: values.email,
      phone: fixPhone(values.phone),
      joinedUnionAt: dates.joinedUnionAt,
      contractStartAt: dates.contractStartAt,
      citizenId: fixCitizenId(values.citizenId),
      ethnicity: values.ethnicity,
      hometown: values.hometown,
      unionCardNumber: values.unionCardNumber,
      // A Party date with the "Đảng viên" cell left empty: a Party member.
      partyMember: party === true || (!values.partyMember && !!values.partyJoinedAt),
      partyJoinedAt: dates.partyJoinedAt,
      unionGroupId,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        // The gender stood in as "Nam" above: do not blame the CCCD for it.
        if (!gender && field === "citizenId" && issue.message.includes("giới tính")) continue;
        const value = field === "unionGroupId" ? values.unionGroup : values[field as ImportField];
        add(HEADER_OF[field] ?? "", field === "fullName" && !values.fullName ? "Thiếu họ và tên." : issue.message, value ?? "");
      }
    }

    if (parsed.success) {
      const key = personKey(parsed.data.fullName, parsed.data.dateOfBirth);
      const first = seenPerson.get(key);
      if (first !== undefined) add("Họ và tên", `Trùng với dòng ${first} trong tệp (cùng họ tên và ngày sinh).`, values.fullName);
      else seenPerson.set(key, row);
      if (parsed.data.dateOfBirth && ctx.existing.has(key)) {
        add("Họ và tên", `Trường đã có đoàn viên ${parsed.data.fullName}, sinh ngày ${formatDate(parsed.data.dateOfBirth)}.`, values.fullName);
      }
      if (parsed.data.email) {
        const firstEmail = seenEmail.get(parsed.data.email);
        if (firstEmail !== undefined) add("Email", `Email trùng với dòng ${firstEmail} trong tệp.`, values.email);
        else seenEmail.set(parsed.data.email, row);
      }
      if (parsed.data.citizenId) {
        const firstId = seenCitizenId.get(parsed.data.citizenId);
        if (firstId !== undefined) add("Số CCCD", `Số CCCD trùng với dòng ${firstId} trong tệp.`, values.citizenId);
        else seenCitizenId.set(parsed.data.citizenId, row);
      }
    }

    if (rowProblems.length || !parsed.success) problems.push(...rowProblems);
    else valid.push({ row, data: { ...parsed.data, gender: gender! } });
  }
  return { total: rows.length, valid, problems };
}
