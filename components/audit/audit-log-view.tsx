import type { Viewer } from "@/lib/authz/permissions";
import { listAuditLog, verifyAuditChain, type AuditContext } from "@/lib/audit/queries";
import { idParam, pageParam, textParam } from "@/lib/server/page";
import { formatDate, parseDate } from "@/lib/format";
import { Pagination } from "@/components/ui/pagination";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { ChainStatusNote } from "./chain-status";

type Search = Record<string, string | string[] | undefined>;

/** Query-string filters, validated: anything odd is simply ignored. */
export function auditFiltersFrom(sp: Search) {
  const entity = textParam(sp.loai, 40);
  const action = textParam(sp["thao-tac"], 60);
  const actor = idParam(sp.nguoi);
  const from = textParam(sp.tu, 10);
  const to = textParam(sp.den, 10);
  const fromDate = from ? parseDate(from) : null;
  const toDate = to ? parseDate(to) : null;
  return {
    entity: entity && /^[A-Za-z]+$/.test(entity) ? entity : undefined,
    action: action && /^[a-z_]+(\.[A-Za-z_]+)+$/.test(action) ? action : undefined,
    actorId: actor,
    from: fromDate,
    to: toDate,
    page: pageParam(sp.trang),
    /** As typed, to show back in the inputs. */
    fromText: from,
    toText: to,
    /** Typed but not a date: said so, and that bound is not applied. */
    badDates: [from && !fromDate ? "Từ ngày" : null, to && !toDate ? "Đến ngày" : null].filter((x): x is string => !!x),
  };
}

/** Filters, chain verdict, the table and pagination; the caller has resolved the context. */
export async function AuditLogView({ viewer, ctx, basePath, searchParams }: { viewer: Viewer; ctx: AuditContext; basePath: string; searchParams: Search }) {
  const f = auditFiltersFrom(searchParams);
  const [log, chain] = await Promise.all([listAuditLog(viewer, ctx, f), verifyAuditChain(viewer, { checkpoint: true })]);
  const params = { loai: f.entity, "thao-tac": f.action, nguoi: f.actorId, tu: f.from ? formatDate(f.from) : undefined, den: f.to ? formatDate(f.to) : undefined };
  const filtered = Object.values(params).some(Boolean);
  return (
    <>
      <ChainStatusNote status={chain} />
      <AuditFilters
        basePath={basePath}
        entities={log.entities}
        actions={log.actions}
        actors={log.actors}
        values={{ entity: f.entity, action: f.action, actor: f.actorId, from: f.from ? params.tu : f.fromText, to: f.to ? params.den : f.toText }}
      />
      {f.badDates.length > 0 && (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {f.badDates.map((d) => `“${d}”`).join(" và ")} không hợp lệ (định dạng dd/mm/yyyy) nên chưa được dùng để lọc.
        </p>
      )}
      <AuditTable rows={log.rows} names={log.names} showSchool={"unitId" in ctx} empty={filtered ? "Không có thay đổi nào khớp với bộ lọc." : "Chưa có thay đổi nào được ghi lại."} />
      {log.total > 0 && <Pagination page={log.page} pageSize={log.pageSize} total={log.total} basePath={basePath} params={params} />}
    </>
  );
}
