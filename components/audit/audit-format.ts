// Turning audit rows into words: action codes, entity types, field names and values in
// Vietnamese, and a compact before → after list of the fields that changed. Pure (no I/O).
import { ROLE_LABELS } from "@/lib/authz/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { PLAN_ACTION_LABELS, PLAN_STATE_LABELS } from "@/lib/plans/rules";
import { SIDE_LABELS as PLAN_SIDE_LABELS } from "@/lib/plans/content";
import { ITEM_ACTIONS, ITEM_STATE_LABELS, PACKAGE_ACTIONS, PACKAGE_STATE_LABELS } from "@/lib/awards/workflow";
import { LEVEL_LABELS, titleName } from "@/lib/awards/catalogue";
import { DISCIPLINE_LABELS, GRADE_LABELS } from "@/lib/awards/settings";
import { ROUTE_LABELS } from "@/lib/awards/authority";
import { OPEN_CASE_LABELS } from "@/lib/awards/facts";
import { DOC_LABELS } from "@/lib/awards/rules-dossier";
import { COUNCIL_ROLE_LABELS } from "@/lib/council/schemas";
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS, TASK_STATUS_LABELS } from "@/lib/meetings/rules";
import { PERIOD_STATE_LABELS, STAGE_LABELS } from "@/lib/scoring/workflow";
import { GENDER_LABELS, STATUS_LABELS as MEMBER_STATUS_LABELS } from "@/lib/members/rules";
import { AUDIENCE_LABELS, CAMPAIGN_STATE_LABELS, MOVEMENT_LABELS } from "@/lib/campaigns/rules";
import { SCHOOL_LEVEL_LABELS } from "@/lib/schools/schemas";
import { INITIATIVE_LEVEL_LABELS } from "@/lib/reports/school-rules";
import { ID_FIELDS } from "@/lib/audit/id-fields";

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
  "meeting.complete_task": "Đánh dấu nhiệm vụ đã hoàn thành",
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
  // Ngày nghỉ lễ, Tết của đơn vị cấp trên (lịch họp liên tịch bỏ qua những ngày này).
  "holiday.create": "Thêm ngày nghỉ lễ, Tết",
  "holiday.update": "Sửa ngày nghỉ lễ, Tết",
  "holiday.delete": "Xóa ngày nghỉ lễ, Tết",
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
  // Kế hoạch phối hợp, họp liên tịch
  CoordinationPlan: "Kế hoạch phối hợp",
  PlanSection: "Mục của kế hoạch phối hợp",
  PlanCalendarItem: "Việc trong lịch phối hợp",
  PlanTarget: "Chỉ tiêu của kế hoạch phối hợp",
  PlanComment: "Góp ý kế hoạch phối hợp",
  JointMeeting: "Cuộc họp liên tịch",
  MeetingTask: "Nhiệm vụ sau họp liên tịch",
  // Phong trào, biểu điểm, chấm điểm
  Campaign: "Phong trào thi đua",
  ScoringScale: "Biểu điểm",
  ScaleVersion: "Phiên bản biểu điểm",
  ScorePeriod: "Kỳ chấm điểm",
  ScoreSheet: "Phiếu chấm điểm",
  ScoreStage: "Điểm của một bước chấm",
  Appeal: "Khiếu nại điểm thi đua",
  Evidence: "Minh chứng",
  // Khen thưởng
  AwardSetting: "Quy định thi đua – khen thưởng",
  AwardAuthority: "Thẩm quyền khen thưởng",
  AwardQuota: "Chỉ tiêu khen thưởng",
  AwardDecision: "Quyết định khen thưởng",
  MemberEvaluation: "Đánh giá, xếp loại đoàn viên",
  Discipline: "Kỷ luật",
  OpenCase: "Vụ việc đang xem xét",
  Initiative: "Sáng kiến",
  Council: "Hội đồng thi đua – khen thưởng",
  CouncilMember: "Thành viên hội đồng",
  CouncilMeeting: "Phiên họp hội đồng",
  CouncilVote: "Kết quả bỏ phiếu",
  NominationPackage: "Hồ sơ đề nghị khen thưởng",
  NominationItem: "Người, tập thể được đề nghị",
  NominationObjection: "Ý kiến về danh sách công khai",
  DossierDocument: "Tài liệu hồ sơ khen thưởng",
  Holiday: "Ngày nghỉ lễ, Tết",
};

/** Field names written into before/after, in words (tests/unit/audit-vocabulary.test.ts finds every one). */
export const FIELD_LABELS: Record<string, string> = {
  // Trường, tổ, tài khoản
  code: "Mã",
  name: "Tên",
  level: "Cấp",
  address: "Địa chỉ",
  unionName: "Tên công đoàn cơ sở",
  unionUnitId: "Đơn vị cấp trên (công đoàn)",
  govUnitId: "Đơn vị quản lý nhà nước",
  organisationId: "Đơn vị",
  schoolId: "Trường",
  schoolYearId: "Năm học",
  displayName: "Tên hiển thị",
  disabled: "Bị khóa",
  role: "Vai trò",
  validFrom: "Hiệu lực từ",
  validTo: "Hiệu lực đến",
  twoStepEnabledAt: "Bật xác thực hai bước lúc",
  recoveryCodesLeft: "Mã khôi phục còn lại",
  mustChangePassword: "Phải đổi mật khẩu khi đăng nhập",
  temporaryPassword: "Mật khẩu tạm",
  sessionsEnded: "Số phiên đăng nhập đã kết thúc",
  otherSessionsEnded: "Số phiên đăng nhập khác đã kết thúc",
  // Đoàn viên
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
  citizenId: "Số CCCD",
  ethnicity: "Dân tộc",
  hometown: "Quê quán",
  unionCardNumber: "Số thẻ đoàn viên",
  partyMember: "Đảng viên",
  partyJoinedAt: "Ngày vào Đảng",
  status: "Trạng thái",
  leftOn: "Ngày nghỉ",
  leftReason: "Lý do nghỉ",
  memberId: "Đoàn viên",
  memberIds: "Đoàn viên",
  // Nhập từ Excel
  count: "Số lượng",
  fileName: "Tệp",
  imported: "Số đoàn viên đã nhập",
  rows: "Các dòng trong tệp",
  skipped: "Số dòng bỏ qua",
  skippedRows: "Các dòng bỏ qua",
  importRow: "Dòng trong tệp",
  firstMemberId: "Đoàn viên đầu tiên đã nhập",
  sizeBytes: "Dung lượng",
  sha256: "Mã băm SHA-256",
  checksum: "Mã kiểm tra",
  // Kế hoạch phối hợp, họp liên tịch
  state: "Trạng thái",
  revision: "Bản số",
  source: "Cách tạo",
  copiedFromId: "Sao chép từ",
  amendsId: "Sửa đổi, thay thế",
  planId: "Kế hoạch",
  header: "Phần đầu văn bản",
  docNumber: "Số văn bản",
  issuedOn: "Ngày ban hành",
  place: "Địa danh",
  issuerName: "Cơ quan ban hành",
  issuerParent: "Cơ quan chủ quản",
  recipients: "Nơi nhận",
  govSignerName: "Người ký phía nhà trường",
  govSignerTitle: "Chức vụ người ký phía nhà trường",
  unionSignerName: "Người ký phía công đoàn",
  unionSignerTitle: "Chức vụ người ký phía công đoàn",
  meetingDay: "Ngày họp hằng tháng",
  key: "Mục",
  sectionKey: "Mục",
  title: "Tiêu đề",
  body: "Nội dung",
  from: "Từ",
  month: "Tháng",
  onDate: "Ngày",
  content: "Nội dung",
  leadSide: "Bên chủ trì",
  label: "Chỉ tiêu",
  measureKey: "Cách tính",
  unit: "Đơn vị tính",
  comparator: "So sánh",
  targetValue: "Mức chỉ tiêu",
  manualActual: "Kết quả thực hiện (nhập tay)",
  reason: "Lý do",
  kind: "Loại",
  scheduledOn: "Ngày họp dự kiến",
  agenda: "Nội dung dự kiến",
  created: "Số cuộc họp đã lập",
  heldAt: "Thời gian họp",
  location: "Địa điểm",
  chairName: "Chủ trì",
  secretaryName: "Thư ký",
  attendees: "Thành phần dự họp",
  discussion: "Ý kiến thảo luận",
  decisions: "Kết luận",
  meetingId: "Cuộc họp",
  ownerName: "Người phụ trách",
  ownerSide: "Bên phụ trách",
  ownerMemberId: "Người phụ trách",
  dueOn: "Hạn hoàn thành",
  followUp: "Kết quả thực hiện",
  reviewedInId: "Xem xét tại cuộc họp",
  // Phong trào, biểu điểm, chấm điểm
  movement: "Phong trào",
  description: "Mô tả",
  audience: "Đối tượng",
  titles: "Danh hiệu",
  rounds: "Số đợt",
  registrationDeadline: "Hạn đăng ký",
  scaleId: "Biểu điểm",
  subjectKey: "Đối tượng đăng ký",
  reminded: "Số người được nhắc",
  campaignId: "Phong trào",
  scaleVersionId: "Phiên bản biểu điểm",
  sheets: "Số phiếu",
  added: "Thêm phiếu cho",
  stage: "Bước chấm",
  snapshotId: "Bản chốt điểm",
  appealDeadline: "Hạn khiếu nại",
  copied: "Lấy điểm tổ cho",
  sheetId: "Phiếu chấm điểm của",
  total: "Tổng điểm",
  complete: "Đã chấm đủ",
  classification: "Xếp loại",
  adoptedOn: "Ngày thông qua",
  resolutionNo: "Số nghị quyết",
  number: "Số",
  text: "Nội dung",
  resolution: "Trả lời",
  criterionKey: "Tiêu chí",
  // Khen thưởng
  value: "Giá trị",
  basis: "Căn cứ",
  side: "Phía",
  bodyKind: "Loại cơ quan",
  bodyName: "Cơ quan",
  proposerRole: "Bên đề nghị",
  schoolManager: "Cơ quan quản lý trường",
  max: "Số lượng tối đa",
  titleCode: "Danh hiệu, hình thức",
  approvedTitleCode: "Danh hiệu, hình thức được duyệt",
  approvedLevel: "Cấp được duyệt",
  grade: "Xếp loại",
  standardRating: "Xếp loại theo chuẩn nghề nghiệp",
  registered: "Đã đăng ký thi đua",
  absenceWorkingDays: "Số ngày làm việc nghỉ",
  maternityLeaveDays: "Số ngày nghỉ thai sản",
  note: "Ghi chú",
  decidedOn: "Ngày quyết định",
  closedOn: "Ngày kết thúc",
  decisionNumber: "Số quyết định",
  recognisedBy: "Cơ quan công nhận",
  recognisedOn: "Ngày công nhận",
  applied: "Đã áp dụng",
  appliedNote: "Ghi chú áp dụng",
  field: "Lĩnh vực",
  summary: "Tóm tắt",
  evidence: "Minh chứng",
  authorIds: "Tác giả",
  heldOn: "Ngày họp",
  memberCount: "Số thành viên",
  presentCount: "Số thành viên có mặt",
  itemId: "Người, tập thể được đề nghị",
  itemIds: "Người, tập thể được đề nghị",
  issued: "Số phiếu phát ra",
  returned: "Số phiếu thu về",
  valid: "Số phiếu hợp lệ",
  agree: "Số phiếu đồng ý",
  passed: "Đạt",
  nomineeName: "Người, tập thể được đề nghị",
  achievementSummary: "Tóm tắt thành tích",
  achievementKey: "Thành tích làm căn cứ",
  coverNote: "Nội dung tờ trình",
  packageId: "Hồ sơ",
  reference: "Số, ký hiệu văn bản",
  answer: "Trả lời",
  deadline: "Hạn nộp hồ sơ",
  reopenedUntil: "Mở lại đến",
  comment: "Ý kiến",
  reviewNote: "Ý kiến thẩm định",
  eligibility: "Kết quả xét điều kiện",
  subject: "Đối tượng được đề nghị",
  route: "Tuyến khen thưởng",
  authority: "Cấp có thẩm quyền",
  split: "Tách thành các hồ sơ",
  signedOn: "Ngày ký",
  signerName: "Người ký",
  scan: "Bản chụp quyết định",
  revoked: "Đã thu hồi",
  revocationId: "Văn bản thu hồi",
  // Ngày nghỉ lễ, Tết (lịch họp bỏ qua)
  startsOn: "Từ ngày",
  endsOn: "Đến ngày",
  lunarNewYear: "Tết Nguyên đán",
  moved: "Cuộc họp dời sang ngày làm việc",
  // Bookkeeping (never shown, see HIDDEN)
  id: "Mã định danh",
  version: "Số lần sửa",
  createdAt: "Tạo lúc",
  updatedAt: "Sửa lúc",
  createdById: "Người tạo",
  nameSearch: "Tên không dấu (để tìm)",
  sortKey: "Khóa sắp xếp",
  nomineeSortKey: "Khóa sắp xếp tên người được đề nghị",
  recipientSortKey: "Khóa sắp xếp tên người được khen",
  passwordHash: "Mật khẩu (đã băm)",
};

/** Labels that depend on what was changed. */
const ENTITY_FIELD_LABELS: Record<string, Record<string, string>> = {
  School: { level: "Cấp học" },
  PlanSection: { from: "Viết lại theo ô" },
  NominationPackage: { from: "Tách từ hồ sơ" },
  ScaleVersion: { number: "Phiên bản số" },
  ScoringScale: { source: "Cách tạo" },
  AwardDecision: { number: "Số quyết định" },
  CouncilMeeting: { number: "Số biên bản" },
};

/** Never shown: bookkeeping, derived columns, secrets (each is also labelled, for the record). */
const HIDDEN = new Set(["id", "nameSearch", "sortKey", "nomineeSortKey", "recipientSortKey", "version", "createdAt", "updatedAt", "createdById", "passwordHash", "schoolId", "sha256", "checksum", "snapshotId", "revocationId", "firstMemberId"]);

export { ID_FIELDS };

const APPEAL_STATE_LABELS: Record<string, string> = { OPEN: "Đang chờ trả lời", ACCEPTED: "Chấp nhận", REJECTED: "Không chấp nhận" };

/** Value words per field, and per entity where the same field means different things. */
const FIELD_VALUES: Record<string, Record<string, string>> = {
  gender: GENDER_LABELS,
  role: { ...ROLE_LABELS, ...COUNCIL_ROLE_LABELS },
  stage: STAGE_LABELS,
  route: ROUTE_LABELS,
  side: ROUTE_LABELS,
  leadSide: PLAN_SIDE_LABELS,
  ownerSide: PLAN_SIDE_LABELS,
  movement: MOVEMENT_LABELS,
  audience: AUDIENCE_LABELS,
  grade: GRADE_LABELS,
  standardRating: GRADE_LABELS,
  approvedLevel: LEVEL_LABELS,
  temporaryPassword: { typed: "Người cấp tự nhập", generated: "Hệ thống tạo ngẫu nhiên" },
  source: { template: "Theo mẫu", copy: "Sao chép kế hoạch năm trước", blank: "Bắt đầu từ trống", excel: "Nhập từ tệp Excel" },
  subject: { member: "Cá nhân", group: "Tập thể (tổ)", school: "Tập thể (trường)", MEMBER: "Cá nhân", GROUP: "Tập thể (tổ)", SCHOOL: "Tập thể (trường)" },
};
const ENTITY_VALUES: Record<string, Record<string, Record<string, string>>> = {
  CoordinationPlan: { state: PLAN_STATE_LABELS },
  ScorePeriod: { state: PERIOD_STATE_LABELS },
  Campaign: { state: CAMPAIGN_STATE_LABELS },
  Appeal: { state: APPEAL_STATE_LABELS },
  Member: { status: MEMBER_STATUS_LABELS },
  NominationPackage: { status: PACKAGE_STATE_LABELS },
  NominationItem: { status: ITEM_STATE_LABELS, level: LEVEL_LABELS },
  JointMeeting: { status: MEETING_STATUS_LABELS, kind: MEETING_KIND_LABELS },
  MeetingTask: { status: TASK_STATUS_LABELS },
  CouncilMeeting: { status: { OPEN: "Đang họp", CLOSED: "Đã kết thúc" } },
  School: { level: SCHOOL_LEVEL_LABELS },
  Discipline: { level: DISCIPLINE_LABELS },
  Initiative: { level: INITIATIVE_LEVEL_LABELS },
  AwardDecision: { level: LEVEL_LABELS },
  AwardAuthority: { level: LEVEL_LABELS },
  OpenCase: { kind: OPEN_CASE_LABELS },
  DossierDocument: { kind: DOC_LABELS },
  ScoreStage: { classification: {} },
};

/** Enum values seen in audit rows whatever the field (older rows, fields without their own words). */
const VALUE_LABELS: Record<string, string> = {
  ...SCHOOL_LEVEL_LABELS,
  ...GENDER_LABELS,
  ...MEMBER_STATUS_LABELS,
  ...ROLE_LABELS,
};

export const actionLabel = (code: string) => ACTION_LABELS[code] ?? code;
export const entityLabel = (entity: string) => ENTITY_LABELS[entity] ?? entity;
export const fieldLabel = (field: string, entity?: string) => (entity ? ENTITY_FIELD_LABELS[entity]?.[field] : undefined) ?? FIELD_LABELS[field] ?? field;

/** "UNION_CHAIR,MEMBER" → "Chủ tịch công đoàn, Đoàn viên". */
export function roleLabels(actorRole: string | null): string {
  if (!actorRole) return "";
  return actorRole
    .split(",")
    .map((r) => ROLE_LABELS[r.trim() as Role] ?? r.trim())
    .join(", ");
}

const MAX = 80;
const cut = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);

/** A stored value in words: dates as dd/mm/yyyy, numbers the Vietnamese way, enums and known ids by name, long text cut. */
export function formatValue(v: unknown, names: Record<string, string> = {}, field?: string, entity?: string): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "Có" : "Không";
  if (typeof v === "number") {
    if (field === "total" && entity === "ScoreStage") return formatNumber(v / 10); // stored in tenths of a point
    if (field === "sizeBytes") return `${formatNumber(Math.max(1, Math.round(v / 1024)))} KB`;
    return formatNumber(v);
  }
  if (typeof v === "string") {
    if (/^\d{4}-\d{2}-\d{2}(T00:00:00(\.000)?Z)?$/.test(v)) return formatDate(v);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatDateTime(v);
    if (field === "titleCode" || field === "approvedTitleCode") return cut(titleName(v));
    if (field === "from" && entity === "PlanSection" && FIELD_LABELS[v]) return FIELD_LABELS[v];
    const words = (field && entity ? ENTITY_VALUES[entity]?.[field]?.[v] : undefined) ?? (field ? FIELD_VALUES[field]?.[v] : undefined);
    return cut(names[v] ?? words ?? VALUE_LABELS[v] ?? v);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return "—";
    if (field === "titles") return cut(v.map((x) => titleName(String(x))).join(", "));
    if (field && field in ID_FIELDS) {
      const known = v.map((x) => names[String(x)]).filter((x): x is string => !!x);
      return known.length === v.length ? cut(known.join(", ")) : `${formatNumber(v.length)} mục`;
    }
    if (v.every((x) => typeof x === "number")) return cut(v.map((x) => formatNumber(x as number)).join(", "));
    if (v.every((x) => typeof x === "string")) return cut(v.map((x) => formatValue(x, names, field, entity)).join(", "));
    return `${formatNumber(v.length)} mục`;
  }
  return cut(JSON.stringify(v));
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

/** Nested snapshots (a plan's header, a decision's scan) read as their own fields. */
function flatten(o: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!o) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const inner = asObject(v);
    if (inner && !(k in ID_FIELDS)) for (const [ik, iv] of Object.entries(inner)) out[ik in out ? `${k}.${ik}` : ik] = iv;
    else out[k] = v;
  }
  return out;
}

/** An id the page could not name is left out rather than shown raw. */
function unnamedId(field: string, v: unknown, names: Record<string, string>): boolean {
  if (!(field in ID_FIELDS)) return false;
  if (typeof v === "string") return !names[v];
  return false;
}

/**
 * The fields whose value differs between before and after. A creation (no before) lists the
 * new values, a removal (no after) the old ones; before/after is null on the missing side.
 * Field names, values and ids are in words ("Ngày họp hằng tháng: 5 → 10", "Trạng thái:
 * Trình ký → Trình ký – nhà trường đã ký"); bookkeeping fields and ids without a known name are
 * left out.
 */
export function diffChanges(before: unknown, after: unknown, names: Record<string, string> = {}, entity?: string): Change[] {
  const b = flatten(asObject(before));
  const a = flatten(asObject(after));
  if (!b && !a) return [];
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !HIDDEN.has(k.split(".").pop()!));
  const out: Change[] = [];
  for (const k of keys) {
    const bv = b?.[k];
    const av = a?.[k];
    if (b && a && JSON.stringify(bv ?? null) === JSON.stringify(av ?? null)) continue;
    // A creation or removal lists the values there are, not every empty field.
    const v = bv ?? av ?? "";
    if (!(b && a) && (v === "" || (Array.isArray(v) && v.length === 0))) continue;
    const field = k.split(".").pop()!;
    if ((bv == null || unnamedId(field, bv, names)) && (av == null || unnamedId(field, av, names))) continue;
    out.push({ field: k, label: fieldLabel(field, entity), before: b ? formatValue(bv, names, field, entity) : null, after: a ? formatValue(av, names, field, entity) : null });
  }
  return out;
}

/** A readable name for the changed thing: its name in the page's lookup, else from its snapshot. */
export function entityName(before: unknown, after: unknown, names: Record<string, string> = {}, entityId?: string): string | null {
  if (entityId && names[entityId]) return names[entityId];
  for (const side of [asObject(after), asObject(before)]) {
    const v = side?.fullName ?? side?.name ?? side?.displayName ?? side?.nomineeName ?? side?.title ?? side?.label ?? side?.code;
    if (typeof v === "string" && v) return v;
  }
  return null;
}

/** One entry per Excel import: a link to the members it wrote (the member list filtered by that import). */
export function importedRowsHref(r: { action: string; schoolId: string | null; after: unknown }): string | null {
  if (r.action !== "member.import" || !r.schoolId) return null;
  const first = asObject(r.after)?.firstMemberId;
  return typeof first === "string" && first ? `/truong/${r.schoolId}/doan-vien?trang-thai=tat-ca&dot-nhap=${encodeURIComponent(first)}` : null;
}
