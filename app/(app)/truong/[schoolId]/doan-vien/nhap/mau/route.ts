import { getSchoolForMembers } from "@/lib/members/queries";
import { listGroupOptions } from "@/lib/groups/queries";
import { buildTemplateWorkbook } from "@/lib/members/excel";
import { routeIdOrNull, xlsxDownload } from "@/lib/documents/response";
import { gatedRoute } from "@/lib/authz/gate";

/** GET: the import template with this school's union groups listed (member.manage). */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string }> }) {
  const schoolId = routeIdOrNull((await params).schoolId) ?? "";
  return xlsxDownload(request, gatedRoute("member.manage", { school: schoolId }), async (viewer) => {
    const school = await getSchoolForMembers(viewer, schoolId, "member.manage");
    const groups = await listGroupOptions(viewer, school.id);
    return { fileName: "mau-nhap-doan-vien.xlsx", bytes: await buildTemplateWorkbook(groups.map((g) => g.name)) };
  });
}
