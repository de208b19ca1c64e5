// Turning audit rows into words: action codes, entity types, field names and values in
// Vietnamese, and a compact before → after list of the fields that changed. Pure (no I/O).
import { ROLE_LABELS } from "@/lib/authz/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { formatDate, formatDateTime } from "@/lib/format";
import { PLAN_ACTION_LABELS } from "@/lib/plans/rules";
import { ITEM_ACTIONS, PACKAGE_ACTIONS } from "@/lib/awards/workflow";

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
  "user.password_reset": "Cấp mật khẩu tạm thời",
  "twostep.reset": "Đặt lại xác thực hai bước",
  "twostep.disable": "Tắt xác thực hai bước",
  // Kế hoạch phối hợp, họp liên tịch (issue 3); plan.<transition> come from PLAN_ACTION_LABELS.
  "plan.create": "Lập kế hoạch phối hợp",
  "plan.update_header": "Sửa phần đầu kế hoạch",
  "plan.update_section": "Sửa một mục kế hoạch",
  "plan.add_item": "Thêm việc vào lịch phối hợp",
  "plan.update_item": "Sửa việc trong lịch phối hợp",
  "plan.delete_item": "Xóa việc khỏi lịch phối hợp",
  "plan.add_target": "Thêm chỉ tiêu",
  "plan.update_target": "Sửa chỉ tiêu",
  "plan.delete_target": "Xóa chỉ tiêu",
  "plan.comment": "Góp ý kế hoạch",
  "plan.discard": "Hủy bản dự thảo",
  "meeting.create": "Thêm cuộc họp liên tịch",
  "meeting.generate": "Lập lịch họp liên tịch theo kế hoạch",
  "meeting.minutes": "Ghi biên bản họp",
  "meeting.record": "Ghi biên bản họp",
  "meeting.close": "Chốt biên bản họp",
  "meeting.cancel": "Hủy cuộc họp",
  "meeting.add_task": "Giao nhiệm vụ sau họp",
  "meeting.follow_up": "Cập nhật việc thực hiện nhiệm vụ",
  // Phong trào, biểu điểm, chấm điểm (issue 4).
  "campaign.create": "Tạo phong trào thi đua",
  "campaign.update": "Sửa phong trào thi đua",
  "campaign.open": "Mở đăng ký thi đua",
  "campaign.startScoring": "Kết thúc đăng ký, chuyển sang chấm điểm",
  "campaign.close": "Kết thúc phong trào",
  "registration.create": "Đăng ký thi đua",
  "registration.delete": "Hủy đăng ký thi đua",
  "registration.remind": "Nhắc đăng ký thi đua",
  "scale.create": "Tạo biểu điểm",
  "scale.update": "Sửa bản nháp biểu điểm",
  "scale.version": "Tạo phiên bản biểu điểm mới",
  "scale.adopt": "Ghi nhận thông qua biểu điểm",
  "scoring.period.create": "Tạo kỳ chấm điểm",
  "scoring.period.sync": "Thêm phiếu cho đoàn viên mới",
  "scoring.period.seal": "Xác nhận và niêm phong một bước chấm",
  "scoring.period.close": "Khóa sổ kỳ chấm",
  "scoring.stage.save": "Lưu điểm",
  "scoring.stage.amend": "Sửa điểm sau khi đã xác nhận",
  "scoring.grid.save": "Lưu bảng điểm của tổ",
  "scoring.council.confirm_group": "Hội đồng lấy điểm tổ",
  "scoring.recuse": "Xin không tham gia chấm",
  "scoring.appeal.create": "Gửi khiếu nại điểm thi đua",
  "scoring.appeal.resolve": "Trả lời khiếu nại",
  "evidence.upload": "Tải lên minh chứng",
  "evidence.delete": "Gỡ minh chứng",
  // Khen thưởng (issue 5); nomination.<transition> come from the workflow tables.
  "award_setting.create": "Điều chỉnh quy định thi đua – khen thưởng",
  "authority.create": "Thêm dòng bảng thẩm quyền khen thưởng",
  "authority.update": "Sửa bảng thẩm quyền khen thưởng",
  "award_quota.create": "Giao chỉ tiêu khen thưởng",
  "award_quota.update": "Sửa chỉ tiêu khen thưởng",
  "award_quota.delete": "Xóa chỉ tiêu khen thưởng",
  "evaluation.save": "Lưu đánh giá, xếp loại đoàn viên",
  "discipline.create": "Ghi nhận kỷ luật",
  "open_case.create": "Ghi nhận vụ việc đang xem xét",
  "open_case.close": "Kết thúc vụ việc",
  "initiative.create": "Thêm sáng kiến",
  "initiative.update": "Sửa sáng kiến",
  "council.create": "Lập hội đồng thi đua – khen thưởng",
  "council.member_add": "Thêm thành viên hội đồng",
  "council.member_remove": "Bớt thành viên hội đồng",
  "council.meeting_open": "Mở phiên họp hội đồng",
  "council.meeting_close": "Kết thúc phiên họp hội đồng",
  "council.vote": "Ghi kết quả bỏ phiếu",
  "nomination.create": "Lập hồ sơ đề nghị khen thưởng",
  "nomination.cover_update": "Sửa tờ trình",
  "nomination.deadline": "Đặt hạn nộp hồ sơ",
  "nomination.item_add": "Thêm người được đề nghị",
  "nomination.item_add_eligible": "Thêm những người đủ điều kiện",
  "nomination.item_update": "Sửa báo cáo thành tích",
  "nomination.item_withdraw": "Rút khỏi danh sách đề nghị",
  "nomination.document_add": "Bổ sung tài liệu hồ sơ",
  "nomination.document_delete": "Gỡ tài liệu hồ sơ",
  "nomination.objection": "Gửi ý kiến về danh sách công khai",
  "nomination.objection_answer": "Trả lời ý kiến",
  "nomination.settle": "Chốt kết quả xét duyệt",
  "decision.issue": "Ban hành quyết định khen thưởng",
  "decision.revoke": "Thu hồi quyết định khen thưởng",
  "decision.issue_school": "Ban Chấp hành công đoàn cơ sở ban hành quyết định khen thưởng",
  "decision.revoke_school": "Thu hồi quyết định của Ban Chấp hành công đoàn cơ sở",
  "decision.revoke_state": "Ghi nhận việc thu hồi quyết định của cơ quan nhà nước",
  ...Object.fromEntries(Object.entries(PLAN_ACTION_LABELS).map(([k, v]) => [`plan.${k}`, `Kế hoạch: ${v.toLowerCase()}`])),
  ...Object.fromEntries([...Object.entries(ITEM_ACTIONS), ...Object.entries(PACKAGE_ACTIONS)].map(([k, v]) => [`nomination.${k}`, `Hồ sơ khen thưởng: ${v.label.toLowerCase()}`])),
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
  twoStepEnabledAt: "Bật xác thực hai bước lúc",
  recoveryCodesLeft: "Mã khôi phục còn lại",
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
