// A member's awards (for the member's page and "Hồ sơ của tôi"): every award with its decision,
// level and year; revoked ones stay, marked. Server component; the query checks award.read.
import type { Viewer } from "@/lib/authz/permissions";
import { listMemberAwards } from "@/lib/awards/queries";
import { AppError } from "@/lib/server/errors";
import { RegistryTable } from "./registry-table";

export async function MemberAwardHistory({ viewer, memberId }: { viewer: Viewer; memberId: string }) {
  const rows = await listMemberAwards(viewer, memberId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  });
  if (!rows) return null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-3 text-base font-semibold text-slate-800">Khen thưởng đã nhận</h2>
      <RegistryTable rows={rows} showSchool={false} />
    </section>
  );
}
