import { revalidatePath } from "next/cache";
import { gatedRoute } from "@/lib/authz/gate";
import { routeIdOrNull } from "@/lib/documents/response";
import { progressUpload } from "@/lib/server/progress-upload";
import { importMembersSchema } from "@/lib/members/schemas";
import { runMemberImport } from "@/lib/members/import-run";

/**
 * POST: kiểm tra / nhập đoàn viên từ Excel with progress (member.manage of the school), the same
 * work as importMembersAction: the form (components/members/import-form.tsx) sends the file with
 * XMLHttpRequest to show the upload's progress, then reads the server's stages as they come
 * ("đang kiểm tra", "đang ghi N dòng") and the final result.
 */
export async function POST(request: Request, { params }: { params: Promise<{ schoolId: string }> }) {
  const schoolId = routeIdOrNull((await params).schoolId);
  return progressUpload(request, gatedRoute("member.manage", { school: schoolId }), importMembersSchema, async (viewer, input, stage) => {
    // The school in the URL is the school written to.
    if (input.schoolId !== schoolId) return { ok: false, message: "Tệp phải được gửi từ trang nhập đoàn viên của trường này." };
    const r = await runMemberImport(viewer, input, stage);
    if (r.schoolId) revalidatePath(`/truong/${r.schoolId}`, "layout");
    return r.state;
  });
}
