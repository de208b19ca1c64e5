// A member's awards (for the member's page and "Hồ sơ của tôi"): every award with its decision,
// level and year; revoked ones stay, marked. Server component; the query checks award.read.
import type { Viewer } from "@/lib/authz/permissions";
import { listMemberAwards } from "@/lib/awards/queries";
import { listOwnCertificateIds } from "@/lib/awards/certificate-queries";
import { AppError } from "@/lib/server/errors";
import { RegistryTable } from "./registry-table";

export async function MemberAwardHistory({ viewer, memberId }: { viewer: Viewer; memberId: string }) {
  const rows = await listMemberAwards(viewer, memberId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  });
  if (!rows) return null;
  // Only the member themself downloads their certificates (the route serves own awards only).
  const own = viewer.memberId === memberId ? new Set(await listOwnCertificateIds(viewer)) : null;
  const action = own?.size
    ? {
        header: "Giấy khen",
        cell: (r: { id: string; titleName: string }) =>
          own.has(r.id) ? (
            <a href={`/ca-nhan/giay-khen/${r.id}`} className="whitespace-nowrap text-brand-700 hover:underline" aria-label={`Tải giấy khen: ${r.titleName}`}>
              Tải giấy khen
            </a>
          ) : null,
      }
    : undefined;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-3 text-base font-semibold text-slate-800">Khen thưởng đã nhận</h2>
      <RegistryTable rows={rows} showSchool={false} showRecipient={false} action={action} />
    </section>
  );
}
