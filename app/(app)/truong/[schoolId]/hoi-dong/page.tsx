import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getCouncilPage } from "@/lib/council/queries";
import { addCouncilMemberAction, createCouncilAction, openMeetingAction, removeCouncilMemberAction } from "@/lib/council/actions";
import { formatIsoDay } from "@/lib/awards/facts";
import { orNotFound, routeId, idParam, textParam } from "@/lib/server/page";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { inputClass } from "@/components/ui/field";
import { ActionForm } from "@/components/awards/action-form";
import { MultiCheck } from "@/components/awards/multi-check";
import { AwardYearTabs, SchoolAwardsNav } from "@/components/awards/year-tabs";
import { COUNCIL_ROLE_LABELS } from "@/components/awards/labels";
import { todayIsoVN } from "@/lib/time";
import { DateInput } from "@/components/ui/date-input";

export const metadata: Metadata = { title: "Hội đồng Thi đua – Khen thưởng" };

/** The school's council for a year: members (odd count), meetings (council.read; chair and principal manage). */
export default async function CouncilPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The gate first: a place where the viewer holds the capability (the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("council.read", { school: (await params).schoolId, within: true });
  const schoolId = routeId((await params).schoolId);
  const sp = await searchParams;
  const page = await orNotFound(getCouncilPage(viewer, schoolId, idParam(sp.nam), { candidateQuery: textParam(sp.tim) }));
  const path = `/truong/${page.school.id}/hoi-dong`;
  const today = todayIsoVN();
  return (
    <>
      <PageHeader title="Hội đồng Thi đua – Khen thưởng" subtitle={`${page.school.name} · năm học ${page.year.label}`} />
      <SchoolAwardsNav schoolId={page.school.id} active={path} manage />
      <AwardYearTabs years={page.years} current={page.year.id} path={path} />
      {!page.council ? (
        <Card title="Chưa thành lập Hội đồng cho năm học này">
          {page.canManage ? (
            <ActionForm once action={createCouncilAction} hidden={{ schoolId: page.school.id, schoolYearId: page.year.id }} label="Thành lập Hội đồng" inline>
              <label className="flex flex-col gap-1 text-sm">
                Số quyết định thành lập
                <input name="decisionNumber" className={inputClass} />
              </label>
              <DateInput name="establishedOn" label="Ngày thành lập" className="text-sm" />
            </ActionForm>
          ) : (
            <EmptyState>Nhà trường chưa thành lập Hội đồng.</EmptyState>
          )}
        </Card>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={`Thành viên (${page.members.length})`}>
            <p className="mb-2 text-sm text-slate-600">
              {page.council.name}
              {page.council.decisionNumber ? ` – Quyết định số ${page.council.decisionNumber}` : ""}
              {page.council.establishedOn ? ` ngày ${formatIsoDay(page.council.establishedOn)}` : ""}
            </p>
            <p className={`mb-3 text-sm ${page.oddCheck.passed ? "text-green-700" : "text-red-700"}`}>
              {page.oddCheck.passed ? "✓ " : "✗ "}
              {page.oddCheck.detail}. Túc số khi họp: {page.quorumText}.
            </p>
            <ul className="divide-y divide-slate-100 text-sm">
              {page.members.map((m) => (
                <li key={m.id} className="flex items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium">{m.fullName}</span> <span className="text-slate-500">– {m.position}</span> <Badge tone={m.role === "CHAIR" ? "blue" : "slate"}>{COUNCIL_ROLE_LABELS[m.role]}</Badge>
                  </span>
                  {page.canManage && <ActionForm action={removeCouncilMemberAction} hidden={{ councilMemberId: m.id }} label="Bớt" variant="secondary" confirm={`Bớt ${m.fullName} khỏi Hội đồng?`} />}
                </li>
              ))}
            </ul>
            {page.canManage && (
              <div className="mt-4 border-t border-slate-100 pt-4">
                {(page.candidateTotal > page.candidates.length || page.candidateQuery) && (
                  <form method="get" action={path} className="mb-3 flex flex-wrap items-end gap-2 text-sm">
                    <input type="hidden" name="nam" value={page.year.id} />
                    <label className="flex flex-col gap-1">
                      Tìm đoàn viên để thêm ({page.candidates.length}/{page.candidateTotal} người khớp đang hiện)
                      <input name="tim" defaultValue={page.candidateQuery ?? ""} placeholder="Họ tên (không cần dấu)" className={inputClass} />
                    </label>
                    <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-2 hover:bg-slate-50">
                      Tìm
                    </button>
                  </form>
                )}
                <ActionForm once action={addCouncilMemberAction} hidden={{ councilId: page.council.id }} label="Thêm thành viên" inline>
                  <label className="flex flex-col gap-1 text-sm">
                    Đoàn viên
                    <select name="memberId" className={inputClass}>
                      {page.candidates.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.fullName}
                          {c.position ? ` – ${c.position}` : ""}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="flex flex-col gap-1 text-sm">
                    Vai trò
                    <select name="role" className={inputClass} defaultValue="MEMBER">
                      {Object.entries(COUNCIL_ROLE_LABELS).map(([k, l]) => (
                        <option key={k} value={k}>
                          {l}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="flex flex-col gap-1 text-sm">
                    Chức vụ
                    <input name="position" className={inputClass} />
                  </label>
                </ActionForm>
              </div>
            )}
          </Card>
          <Card title="Phiên họp">
            {page.meetings.length === 0 ? (
              <EmptyState>Chưa có phiên họp nào.</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {page.meetings.map((m) => (
                  <li key={m.id} className="py-2">
                    <Link href={`${path}/${m.id}`} className="font-medium text-brand-700 hover:underline">
                      {formatIsoDay(m.heldOn)} – {m.purpose}
                    </Link>
                    <div className="text-xs text-slate-500">
                      Có mặt {m.presentCount}/{m.memberCount} · {m.votes} kết quả bỏ phiếu · {m.status === "OPEN" ? <Badge tone="amber">Đang họp</Badge> : <Badge tone="green">Đã kết thúc</Badge>}
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {page.canManage && page.voteBlock && (
              <div className="mt-4 border-t border-slate-100 pt-4">
                <h3 className="mb-2 text-sm font-semibold">Khai mạc phiên họp</h3>
                {/* Where the vote would open: the reason it cannot, instead of a form the server would refuse. */}
                <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="vote-blocked">
                  {page.voteBlock} Thêm hoặc bớt thành viên để Hội đồng đúng quy định rồi khai mạc.
                </p>
              </div>
            )}
            {page.canManage && !page.voteBlock && page.members.length > 0 && (
              <div className="mt-4 border-t border-slate-100 pt-4">
                <h3 className="mb-2 text-sm font-semibold">Khai mạc phiên họp</h3>
                <ActionForm once action={openMeetingAction} hidden={{ councilId: page.council.id }} label="Khai mạc (kiểm tra túc số)">
                  <DateInput name="heldOn" label="Ngày họp" defaultValue={today} max={today} required className="text-sm" />
                  <label className="flex flex-col gap-1 text-sm">
                    Nội dung
                    <input name="purpose" defaultValue={`Bình xét thi đua – khen thưởng năm học ${page.year.label}`} className={inputClass} required />
                  </label>
                  <label className="flex flex-col gap-1 text-sm">
                    Địa điểm
                    <input name="location" defaultValue="Phòng họp nhà trường" className={inputClass} />
                  </label>
                  <MultiCheck name="presentIds" legend="Thành viên có mặt" options={page.members.map((m) => ({ id: m.id, label: `${m.fullName} (${COUNCIL_ROLE_LABELS[m.role]})` }))} initial={page.members.map((m) => m.id)} />
                </ActionForm>
              </div>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
