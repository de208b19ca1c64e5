import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getOwnMember } from "@/lib/members/queries";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/members/rules";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { MemberFacts } from "@/components/members/member-facts";
import { MemberAwardHistory } from "@/components/awards/member-award-history";
import { getMemberDashboard } from "@/lib/dashboards/member";
import { MemberSummary } from "@/components/dashboards/member-summary";

export const metadata: Metadata = { title: "Hồ sơ của tôi" };

/** The signed-in person's own emulation at a glance (issue 9), then their member record, read-only (member.read, scope self). */
export default async function ProfilePage() {
  const viewer = await requireViewer();
  const [me, dashboard] = await Promise.all([getOwnMember(viewer), getMemberDashboard(viewer)]);
  if (!me) {
    return (
      <>
        <PageHeader title="Hồ sơ của tôi" subtitle={viewer.displayName} />
        <EmptyState>Tài khoản của bạn chưa gắn với hồ sơ đoàn viên nào. Nếu bạn là đoàn viên, hãy liên hệ chủ tịch công đoàn trường.</EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Hồ sơ của tôi"
        subtitle={
          <>
            <Badge tone={STATUS_TONES[me.status]}>{STATUS_LABELS[me.status]}</Badge>{" "}
            <Link href={`/truong/${me.schoolId}`} className="ml-1 hover:underline">
              {me.schoolName}
            </Link>
          </>
        }
      />
      {dashboard && <MemberSummary d={dashboard} />}
      <Card title="Thông tin đoàn viên">
        <MemberFacts member={me} showSchool />
      </Card>
      <div className="mt-4">
        <MemberAwardHistory viewer={viewer} memberId={me.id} />
      </div>
      <p className="mt-4 text-sm text-slate-600">Thông tin chưa đúng? Hãy báo chủ tịch công đoàn trường để sửa.</p>
    </>
  );
}
