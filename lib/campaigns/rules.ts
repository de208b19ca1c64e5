// Campaign workflow (phong trào / đợt thi đua), titles, movements and audiences as data, and the
// explicit state machine: draft → open for registration → scoring → closed (SECURITY.md
// "Workflows"). Pure; the server asks decideCampaign() before every state-dependent write.
import { isPastDeadline } from "../time";
import type { CampaignAudience, CampaignState, Movement } from "../generated/prisma/enums";
import type { Capability } from "../authz/permissions";
import { foldVietnamese } from "../format";

export const CAMPAIGN_STATE_LABELS: Record<CampaignState, string> = {
  DRAFT: "Bản nháp",
  OPEN: "Đang đăng ký",
  SCORING: "Đang chấm điểm",
  CLOSED: "Đã kết thúc",
};

export const MOVEMENT_LABELS: Record<Movement, string> = {
  HAI_TOT: "Dạy tốt – Học tốt (“Hai tốt”)",
  DOI_MOI_SANG_TAO: "Đổi mới, sáng tạo trong dạy và học",
  GIOI_VIEC_TRUONG: "Giỏi việc trường – Đảm việc nhà",
  LAO_DONG_GIOI: "Lao động giỏi, lao động sáng tạo",
  XANH_SACH_DEP: "Xanh – Sạch – Đẹp, bảo đảm an toàn vệ sinh lao động",
  TAM_GUONG_DAO_DUC: "Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo",
  KHAC: "Phong trào khác",
};

export const AUDIENCE_LABELS: Record<CampaignAudience, string> = {
  ALL_MEMBERS: "Toàn thể đoàn viên",
  TEACHERS: "Giáo viên",
  WOMEN: "Nữ đoàn viên",
};

/** Titles one may register for (DOMAIN.md §5); codes are stored, labels shown. */
export const TITLES = {
  LDTT: { label: "Lao động tiên tiến", collective: false },
  CSTDCS: { label: "Chiến sĩ thi đua cơ sở", collective: false },
  DVCD_XS: { label: "Đoàn viên công đoàn xuất sắc", collective: false },
  GVT_DVN: { label: "Giỏi việc trường – Đảm việc nhà", collective: false },
  TT_LDTT: { label: "Tập thể lao động tiên tiến", collective: true },
  TT_LDXS: { label: "Tập thể lao động xuất sắc", collective: true },
  CD_VUNG_MANH: { label: "Công đoàn cơ sở / Tổ công đoàn hoàn thành xuất sắc nhiệm vụ", collective: true },
} as const;
export type TitleCode = keyof typeof TITLES;
export const TITLE_CODES = Object.keys(TITLES) as TitleCode[];
export const isTitleCode = (s: string): s is TitleCode => s in TITLES;

export function titleLabel(code: string): string {
  return isTitleCode(code) ? TITLES[code].label : code;
}

/** Teachers only: positions that teach (assumed from position names; DOMAIN.md §1). */
export function isTeacher(position: string | null | undefined): boolean {
  const p = foldVietnamese(position ?? "");
  return p.includes("giao vien") || p.includes("to truong chuyen mon") || p.includes("hieu truong");
}

/** Is this member in the campaign's audience (women's movements count women)? */
export function inAudience(audience: CampaignAudience, m: { gender: "NAM" | "NU"; position: string | null; status: string }): boolean {
  if (m.status === "LEFT") return false;
  if (audience === "WOMEN") return m.gender === "NU";
  if (audience === "TEACHERS") return isTeacher(m.position);
  return true;
}

export type CampaignAction = "edit" | "open" | "startScoring" | "close" | "register" | "registerCollective" | "remind" | "createPeriod";

interface Rule {
  from: CampaignState[];
  to?: CampaignState;
  cap: Capability;
}

/** The state machine, as a table the tests read. */
export const CAMPAIGN_RULES: Record<CampaignAction, Rule> = {
  edit: { from: ["DRAFT", "OPEN"], cap: "campaign.manage" },
  open: { from: ["DRAFT"], to: "OPEN", cap: "campaign.manage" },
  startScoring: { from: ["OPEN"], to: "SCORING", cap: "campaign.manage" },
  close: { from: ["SCORING"], to: "CLOSED", cap: "campaign.manage" },
  register: { from: ["OPEN"], cap: "registration.self" },
  registerCollective: { from: ["OPEN"], cap: "registration.manage" },
  remind: { from: ["OPEN"], cap: "registration.manage" },
  createPeriod: { from: ["SCORING"], cap: "scoring.manage" },
};

export type Decision<S> = { ok: true; next: S } | { ok: false; code: "FORBIDDEN" | "STATE" };

/** May `action` happen now? `may` answers for the viewer on this campaign's scope. */
export function decideCampaign(state: CampaignState, action: CampaignAction, may: (cap: Capability) => boolean): Decision<CampaignState> {
  const rule = CAMPAIGN_RULES[action];
  if (!may(rule.cap)) return { ok: false, code: "FORBIDDEN" };
  if (!rule.from.includes(state)) return { ok: false, code: "STATE" };
  return { ok: true, next: rule.to ?? state };
}

/** Registration closes at the end of the deadline day (Vietnam time, UTC+7). */
export function registrationOpen(deadline: Date | null, now = new Date()): boolean {
  if (!deadline) return true;
  return !isPastDeadline(deadline, now);
}
