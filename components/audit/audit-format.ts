// Turning audit rows into words: action codes, entity types, field names and values in
// Vietnamese, and a compact before → after list of the fields that changed. Pure (no I/O).
import { ROLE_LABELS } from "@/lib/authz/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { formatDate, formatDateTime } from "@/lib/format";

export const ACTION_LABELS: Record<string, string> = {
  "school.create": "Thêm trường",
  "school.update": "Sửa thông tin trường",
  "member.create": "Thêm đoàn viên",
  "member.update": "Sửa thông tin đoàn viên",
  "member.move": "Chuyển tổ công đoàn",
  "member.status": "Đổi trạng thái đoàn viên",
  "member.leave": "Ghi nhận nghỉ",
  "member.return": "Ghi nhận trở lại công tác",
  "member.left": "Ghi nhận thôi công tác",
  "member.import": "Nhập đoàn viên từ Excel",
  "member.export": "Xuất danh sách đoàn viên",
  "group.create": "Thêm tổ công đoàn",
  "group.update": "Sửa tổ công đoàn",
  "group.rename": "Đổi tên tổ công đoàn",
  "group.delete": "Xóa tổ công đoàn",
  "role.grant": "Giao vai trò",
  "role.revoke": "Thu hồi vai trò",
  "user.create": "Tạo tài khoản",
  "user.update": "Sửa tài khoản",
  "user.disable": "Khóa tài khoản",
  "user.enable": "Mở khóa tài khoản",
  "user.password": "Đổi mật khẩu",
};

export const ENTITY_LABELS: Record<string, string> = {
  School: "Trường",
  Member: "Đoàn viên",
  UnionGroup: "Tổ công đoàn",
  RoleAssignment: "Vai trò",
  User: "Tài khoản",
  Organisation: "Đơn vị cấp trên",
  SchoolYear: "Năm học",
};

const FIELD_LABELS: Record<string, string> = {
  code: "Mã",
  name: "Tên",
  level: "Cấp học",
  address: "Địa chỉ",
  unionName: "Tên công đoàn cơ sở",
  unionUnitId: "Đơn vị cấp trên (công đoàn)",
  govUnitId: "Đơn vị quản lý nhà nước",
  fullName: "Họ và tên",
  gender: "Giới tính",
  dateOfBirth: "Ngày sinh",
  position: "Chức vụ",
  professionalGroup: "Tổ chuyên môn",
  unionGroupId: "Tổ công đoàn",
  email: "Email",
  phone: "Điện thoại",
  joinedUnionAt: "Ngày vào công đoàn",
  contractStartAt: "Ngày bắt đầu hợp đồng",
  status: "Trạng thái",
  role: "Vai trò",
  validFrom: "Hiệu lực từ",
  validTo: "Hiệu lực đến",
  disabled: "Bị khóa",
  displayName: "Tên hiển thị",
  count: "Số lượng",
  fileName: "Tệp",
  imported: "Số đoàn viên đã nhập",
  skippedRows: "Số dòng bỏ qua",
  importRow: "Dòng trong tệp",
};

/** Enum values seen in audit rows, in words. */
const VALUE_LABELS: Record<string, string> = {
  MAM_NON: "Mầm non",
  TIEU_HOC: "Tiểu học",
  LIEN_CAP: "Liên cấp",
  NAM: "Nam",
  NU: "Nữ",
  ACTIVE: "Đang công tác",
  ON_LEAVE: "Tạm nghỉ",
  MATERNITY_LEAVE: "Nghỉ thai sản",
  LEFT: "Đã nghỉ / chuyển đi",
  ...ROLE_LABELS,
};

/** Fields never worth showing in a diff (derived or bookkeeping). */
const HIDDEN = new Set(["id", "nameSearch", "sortKey", "version", "createdAt", "updatedAt", "passwordHash", "schoolId"]);

export const actionLabel = (code: string) => ACTION_LABELS[code] ?? code;
export const entityLabel = (entity: string) => ENTITY_LABELS[entity] ?? entity;

/** "UNION_CHAIR,MEMBER" → "Chủ tịch công đoàn, Đoàn viên". */
export function roleLabels(actorRole: string | null): string {
  if (!actorRole) return "";
  return actorRole
    .split(",")
    .map((r) => ROLE_LABELS[r.trim() as Role] ?? r.trim())
    .join(", ");
}

const MAX = 80;
/** A stored value in words: dates as dd/mm/yyyy, enums and known ids by name, long text cut. */
export function formatValue(v: unknown, names: Record<string, string> = {}): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "Có" : "Không";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") {
    if (/^\d{4}-\d{2}-\d{2}(T00:00:00(\.000)?Z)?$/.test(v)) return formatDate(v);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatDateTime(v);
    const s = names[v] ?? VALUE_LABELS[v] ?? v;
    return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
  }
  const s = JSON.stringify(v);
  return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
}

export interface Change {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

function asObject(v: unknown): Record<string, unknown> | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/**
 * The fields whose value differs between before and after. A creation (no before) lists the
 * new values, a removal (no after) the old ones; before/after is null on the missing side.
 */
export function diffChanges(before: unknown, after: unknown, names: Record<string, string> = {}): Change[] {
  const b = asObject(before);
  const a = asObject(after);
  if (!b && !a) return [];
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !HIDDEN.has(k));
  const out: Change[] = [];
  for (const k of keys) {
    const bv = b?.[k];
    const av = a?.[k];
    if (b && a && JSON.stringify(bv ?? null) === JSON.stringify(av ?? null)) continue;
    // A creation or removal lists the values there are, not every empty field.
    if (!(b && a) && (bv ?? av ?? "") === "") continue;
    out.push({ field: k, label: FIELD_LABELS[k] ?? k, before: b ? formatValue(bv, names) : null, after: a ? formatValue(av, names) : null });
  }
  return out;
}

/** A readable name for the changed thing, from its snapshot (fullName, name or code). */
export function entityName(before: unknown, after: unknown): string | null {
  for (const side of [asObject(after), asObject(before)]) {
    const v = side?.fullName ?? side?.name ?? side?.displayName ?? side?.code;
    if (typeof v === "string" && v) return v;
  }
  return null;
}
