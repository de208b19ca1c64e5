import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getMemberOrThrow } from "@/lib/members/queries";
import { listGroupOptions } from "@/lib/groups/queries";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/members/rules";
import { orNotFound, routeId, textParam } from "@/lib/server/page";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { MemberFacts } from "@/components/members/member-facts";
import { MemberAwardHistory } from "@/components/awards/member-award-history";
import { MemberForm } from "@/components/members/member-form";
import { MoveMemberForm } from "@/components/members/move-member-form";
import { MemberStatusForm } from "@/components/members/member-status-form";

export const metadata: Metadata = { title: "Đoàn viên" };

/** One member: read (member.read scope); edit, move and status changes for the chair (member.manage). */
export default async function MemberPage({ params, searchParams }: { params: Promise<{ schoolId: string; memberId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // A place the viewer works in with member.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("member.read", { school: (await params).schoolId, within: true });
  const p = await params;
  const { member: m, canManage, canList } = await orNotFound(getMemberOrThrow(viewer, routeId(p.schoolId), routeId(p.memberId)));
  const base = `/truong/${m.schoolId}/doan-vien`;
  const created = textParam((await searchParams)["da-luu"], 10) === "moi";

  return (
    <>
      {canList && (
        <p className="mb-2 text-sm">
          <Link href={base} className="text-brand-700 hover:underline">
            ← Danh sách đoàn viên
          </Link>
        </p>
      )}
      <PageHeader title={m.fullName} subtitle={<><Badge tone={STATUS_TONES[m.status]}>{STATUS_LABELS[m.status]}</Badge> <span className="ml-1">{m.unionGroup || "Chưa xếp tổ"} · {m.schoolName}</span></>} />
      {created && (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Đã thêm đoàn viên {m.fullName}.
        </p>
      )}
      {!canManage ? (
        <Card>
          <MemberFacts member={m} />
        </Card>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <Card title="Thông tin đoàn viên">
            <MemberForm
              mode="edit"
              memberId={m.id}
              version={m.version}
              cancelHref={base}
              initial={{
                fullName: m.fullName,
                gender: m.gender,
                dateOfBirth: m.dateOfBirth,
                position: m.position,
                professionalGroup: m.professionalGroup,
                unionGroupId: m.unionGroupId,
                email: m.email,
                phone: m.phone,
                joinedUnionAt: m.joinedUnionAt,
                contractStartAt: m.contractStartAt,
                citizenId: m.citizenId,
                ethnicity: m.ethnicity,
                hometown: m.hometown,
                unionCardNumber: m.unionCardNumber,
                partyMember: m.partyMember ? "on" : "",
                partyJoinedAt: m.partyJoinedAt,
                status: m.status,
              }}
            />
          </Card>
          <div className="flex flex-col gap-6">
            <Card title="Chuyển tổ công đoàn">
              <MoveMemberForm memberId={m.id} version={m.version} unionGroupId={m.unionGroupId} groups={await listGroupOptions(viewer, m.schoolId)} />
            </Card>
            <Card title="Trạng thái">
              <p className="mb-3 text-sm text-slate-600">
                Hiện tại: <Badge tone={STATUS_TONES[m.status]}>{STATUS_LABELS[m.status]}</Badge>
                {m.status === "LEFT" && m.leftOn ? ` từ ngày ${m.leftOn}${m.leftReason ? ` (lý do: ${m.leftReason})` : ""}` : ""}. Đoàn viên không bao giờ bị xóa; người nghỉ việc vẫn được giữ trong hồ sơ.
              </p>
              <MemberStatusForm memberId={m.id} version={m.version} status={m.status} fullName={m.fullName} />
            </Card>
          </div>
        </div>
      )}
      <div className="mt-6">
        <MemberAwardHistory viewer={viewer} memberId={m.id} />
      </div>
    </>
  );
}
