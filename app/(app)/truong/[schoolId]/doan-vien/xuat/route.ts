import { exportMembers } from "@/lib/members/queries";
import { buildExportWorkbook } from "@/lib/members/excel";
import { statusFilter } from "@/lib/members/rules";
import { routeIdOrNull, xlsxDownload } from "@/lib/documents/response";
import { gatedRoute } from "@/lib/authz/gate";
import { textParam } from "@/lib/server/page";

/**
 * GET: the (filtered) member list as .xlsx (member.export: chair, principal, upper staff of the
 * school's unit, admin). Same filters as the list page: q, to, trang-thai.
 */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string }> }) {
  const schoolId = routeIdOrNull((await params).schoolId);
  const sp = new URL(request.url).searchParams;
  const text = (k: string, max: number) => textParam(sp.get(k), max);
  const groupId = routeIdOrNull(text("to", 64));
  const filters = { q: text("q", 100), groupId: groupId ?? undefined, status: statusFilter(text("trang-thai", 20)).slug || undefined };
  return xlsxDownload(request, gatedRoute("member.export", { school: schoolId }), async (viewer) => {
    const { school, rows } = await exportMembers(viewer, schoolId ?? "", filters);
    const now = new Date();
    // The day in Vietnam (UTC+7), as in the title row.
    const day = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10).replaceAll("-", "");
    return { fileName: `doan-vien-${school.code}-${day}.xlsx`, bytes: await buildExportWorkbook(rows, school, now) };
  });
}
