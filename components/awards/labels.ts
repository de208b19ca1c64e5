// Words and colours for statuses shown across the awards screens.
import { ITEM_STATE_LABELS, PACKAGE_STATE_LABELS, type ItemState, type PackageState } from "@/lib/awards/workflow";

type Tone = "slate" | "green" | "amber" | "red" | "blue";

export function packageTone(s: PackageState): Tone {
  return s === "DECIDED" || s === "REVIEWED" ? "green" : s === "RETURNED" ? "red" : s === "SUBMITTED" ? "blue" : s === "POSTED" ? "amber" : "slate";
}
export function itemTone(s: ItemState): Tone {
  return ["APPROVED", "APPROVED_CHANGED", "DECIDED"].includes(s) ? "green" : ["RETURNED", "REJECTED", "REVOKED"].includes(s) ? "red" : s === "SUBMITTED" ? "blue" : s === "POSTED" ? "amber" : "slate";
}
export const packageLabel = (s: PackageState) => PACKAGE_STATE_LABELS[s];
export const itemLabel = (s: ItemState) => ITEM_STATE_LABELS[s];

export const COUNCIL_ROLE_LABELS = { CHAIR: "Chủ tịch Hội đồng", VICE_CHAIR: "Phó Chủ tịch", SECRETARY: "Thư ký", MEMBER: "Ủy viên" } as const;

const EVENT_LABELS: Record<string, string> = {
  create: "Lập hồ sơ",
  add: "Thêm vào danh sách",
  add_eligible: "Thêm người đủ điều kiện",
  edit: "Sửa",
  withdraw: "Rút khỏi danh sách",
  post: "Công khai danh sách",
  unpost: "Thôi công khai",
  submit: "Gửi cấp trên",
  resubmit: "Gửi lại cấp trên",
  return: "Trả lại để bổ sung",
  approve: "Duyệt",
  approveChanged: "Duyệt ở hình thức/cấp khác",
  reject: "Không duyệt",
  decide: "Ra quyết định",
  decideSchool: "Ban Chấp hành công đoàn cơ sở ra quyết định",
  settle: "Cập nhật trạng thái hồ sơ",
  objection: "Ý kiến phản ánh",
  objection_answer: "Hội đồng trả lời ý kiến",
};
export const eventLabel = (a: string) => EVENT_LABELS[a] ?? a;

/** A state code of a package or a nominee, in words. */
export function stateLabel(s: string): string {
  return (ITEM_STATE_LABELS as Record<string, string>)[s] ?? (PACKAGE_STATE_LABELS as Record<string, string>)[s] ?? s;
}
