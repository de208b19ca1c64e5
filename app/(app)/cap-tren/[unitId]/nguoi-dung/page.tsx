import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { getUnitOrThrow } from "@/lib/orgs/queries";
import { HOLDER_ROLES, listUnitRoleHolders, type HolderRole } from "@/lib/roles/queries";
import { orNotFound, routeId, textParam } from "@/lib/server/page";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page";
import { RoleHolderTable } from "@/components/schools/role-holder-table";
import { listSchoolsMissingHolders } from "@/lib/roles/missing-holders";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Người giữ vai trò" };

type Search = Record<string, string | string[] | undefined>;

export default async function RoleHoldersPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Search> }) {
  // The unit itself must be one the viewer serves with roles.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("roles.read", { unit: (await params).unitId });
  const unit = await orNotFound(getUnitOrThrow(viewer, routeId((await params).unitId)));
  const sp = await searchParams;
  const r = textParam(sp["vai-tro"], 20);
  const role = HOLDER_ROLES.find((x) => x === r) as HolderRole | undefined;
  const includeExpired = textParam(sp["het-han"], 1) === "1";
  const [holders, missing] = await orNotFound(Promise.all([listUnitRoleHolders(viewer, unit.id, { role, includeExpired }), listSchoolsMissingHolders(viewer, unit.id)]));
  const base = `/cap-tren/${unit.id}/nguoi-dung`;
  return (
    <>
      <PageHeader title="Người giữ vai trò" subtitle={`${unit.name} và các trường trực thuộc`} />
      <form method="get" action={base} className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="vai-tro" className="text-sm font-medium text-slate-700">Vai trò</label>
          <select id="vai-tro" name="vai-tro" defaultValue={role ?? ""} className={`${inputClass} min-w-56`}>
            <option value="">Tất cả vai trò</option>
            {HOLDER_ROLES.map((x) => (
              <option key={x} value={x}>
                {ROLE_LABELS[x]}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input type="checkbox" name="het-han" value="1" defaultChecked={includeExpired} className="h-4 w-4" />
          Hiện cả vai trò đã hết hiệu lực
        </label>
        <button type="submit" className={buttonClass("secondary")}>Lọc</button>
        {(role || includeExpired) && <Link href={base} className={buttonClass("ghost")}>Bỏ lọc</Link>}
      </form>
      <p className="mb-2 text-sm text-slate-600">{formatNumber(holders.length)} người</p>
      <RoleHolderTable holders={holders} missing={missing} />
    </>
  );
}
