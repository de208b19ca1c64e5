// The navigation asks the gate's decision (decide.ts), never a role name: a link is shown when
// the viewer may use the page's capability at that place. Showing a link is not a security
// check: every page, action and route handler goes through lib/authz/gate.ts itself.
import { atLeast, decide, reachIn, type GateCapability } from "./decide";
import type { ScopeKind, Viewer } from "./permissions";

export interface NavLink {
  href: string;
  label: string;
}
export interface NavSectionData {
  title: string;
  links: NavLink[];
}
export interface NavPlaces {
  units: { id: string; name: string }[];
  schools: { id: string; name: string }[];
}

const atLeastGroup = (s: ScopeKind | null) => atLeast(s, "group");

type UnitLink = { path: string; label: string; cap: GateCapability | GateCapability[] };
const UNIT_LINKS: UnitLink[] = [
  { path: "", label: "Tổng quan đơn vị", cap: "school.read" },
  { path: "/truong", label: "Trường trực thuộc", cap: "school.read" },
  { path: "/nguoi-dung", label: "Người giữ vai trò", cap: "roles.read" },
  { path: "/nhat-ky", label: "Nhật ký thay đổi", cap: "audit.read" },
  { path: "/phong-trao", label: "Phong trào thi đua", cap: "campaign.read" },
  { path: "/ke-hoach", label: "Kế hoạch phối hợp", cap: "plan.read" },
  { path: "/ngay-nghi", label: "Lịch nghỉ lễ, Tết", cap: "holiday.manage" },
  { path: "/duyet", label: "Duyệt hồ sơ khen thưởng", cap: "nomination.review" },
  { path: "/khen-thuong", label: "Sổ khen thưởng", cap: "award.read" },
  { path: "/khen-thuong/chi-tieu", label: "Chỉ tiêu khen thưởng", cap: "award.read" },
  { path: "/hieu-chinh", label: "Hiệu chỉnh kết quả chấm", cap: "scoring.read" },
  { path: "/bao-cao", label: "Báo cáo thống kê", cap: "report.read" },
];

type SchoolLink = { path: string; label: string; show: (viewer: Viewer, schoolId: string) => boolean };
const at = (cap: GateCapability | GateCapability[]) => (viewer: Viewer, schoolId: string) => decide(viewer, cap, { schoolId });
const SCHOOL_LINKS: SchoolLink[] = [
  { path: "", label: "Trường", show: at("school.read") },
  { path: "/doan-vien", label: "Đoàn viên", show: (v, s) => atLeastGroup(reachIn(v, "member.read", s)) },
  { path: "/to-cong-doan", label: "Tổ công đoàn", show: at("group.read") },
  { path: "/nhat-ky", label: "Nhật ký thay đổi", show: at("audit.read") },
  { path: "/phong-trao", label: "Phong trào thi đua", show: at("campaign.read") },
  { path: "/bieu-diem", label: "Biểu điểm", show: at("scale.read") },
  { path: "/cham-diem", label: "Chấm điểm", show: (v, s) => atLeastGroup(reachIn(v, "scoring.read", s)) },
  { path: "/ke-hoach", label: "Kế hoạch phối hợp", show: at("plan.read") },
  { path: "/hop-lien-tich", label: "Họp liên tịch", show: at("meeting.read") },
  { path: "/de-nghi", label: "Khen thưởng", show: at(["nomination.read", "nomination.public"]) },
  { path: "/sang-kien", label: "Sáng kiến", show: at("initiative.read") },
];

/** The sections of the side navigation for this viewer and the places they work in. */
export function navFor(viewer: Viewer, places: NavPlaces): NavSectionData[] {
  const sections: NavSectionData[] = [{ title: "", links: [{ href: "/", label: "Tổng quan" }] }];
  for (const u of places.units) {
    const links = UNIT_LINKS.filter((l) => decide(viewer, l.cap, { unitId: u.id })).map((l) => ({ href: `/cap-tren/${u.id}${l.path}`, label: l.label }));
    if (links.length) sections.push({ title: u.name, links });
  }
  for (const s of places.schools) {
    const links = SCHOOL_LINKS.filter((l) => l.show(viewer, s.id)).map((l) => ({ href: `/truong/${s.id}${l.path}`, label: l.label }));
    if (links.length) sections.push({ title: s.name, links });
  }
  // One's own pages: for whoever is a member (self scope).
  if (viewer.memberId) sections.push({ title: "Cá nhân", links: [{ href: "/ca-nhan", label: "Hồ sơ của tôi" }, { href: "/ca-nhan/thi-dua", label: "Thi đua của tôi" }] });
  return sections;
}
