import type { MemberDetail } from "@/lib/members/queries";
import { GENDER_LABELS, STATUS_LABELS } from "@/lib/members/rules";

/** A member's record, read-only (profile page, viewers who may not edit). */
export function MemberFacts({ member, showSchool = false }: { member: MemberDetail; showSchool?: boolean }) {
  const rows: [string, string][] = [
    ["Họ và tên", member.fullName],
    ["Giới tính", GENDER_LABELS[member.gender]],
    ["Ngày sinh", member.dateOfBirth],
    ["Chức vụ", member.position],
    ["Tổ chuyên môn", member.professionalGroup],
    ["Tổ công đoàn", member.unionGroup || "Chưa xếp tổ"],
    ...(showSchool ? ([["Trường", member.schoolName], ["Công đoàn cơ sở", member.unionName]] as [string, string][]) : []),
    ["Email", member.email],
    ["Số điện thoại", member.phone],
    ["Ngày vào công đoàn", member.joinedUnionAt],
    ["Ngày bắt đầu hợp đồng", member.contractStartAt],
    ["Số CCCD", member.citizenId],
    ["Số thẻ đoàn viên", member.unionCardNumber],
    ["Dân tộc", member.ethnicity],
    ["Quê quán", member.hometown],
    ["Đảng viên", member.partyMember ? `Có${member.partyJoinedAt ? ` (vào Đảng ngày ${member.partyJoinedAt})` : ""}` : "Không"],
    ["Trạng thái", STATUS_LABELS[member.status]],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label} className="border-b border-slate-100 pb-2">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
          <dd className="mt-0.5 text-sm text-slate-900">{value || <span className="text-slate-400">Chưa có</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
