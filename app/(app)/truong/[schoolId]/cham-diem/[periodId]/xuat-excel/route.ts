import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { getPeriodExport } from "@/lib/scoring/queries";
import { buildScoringWorkbook } from "@/lib/scoring/excel";
import { contentDisposition } from "@/lib/evidence/rules";
import { foldVietnamese } from "@/lib/format";
import { AppError } from "@/lib/server/errors";

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET: the period's scoring sheets as .xlsx for those who may export them; others get a 404. */
export async function GET(request: Request, { params }: { params: Promise<{ schoolId: string; periodId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.redirect(new URL("/dang-nhap", request.url));
  const { schoolId, periodId } = await params;
  try {
    if (!ID.test(schoolId) || !ID.test(periodId)) throw new AppError("NOT_FOUND");
    const data = await getPeriodExport(viewer, schoolId, periodId);
    const bytes = await buildScoringWorkbook(data);
    const name = `cham-diem-${foldVietnamese(data.periodName).replace(/[^a-z0-9]+/g, "-")}.xlsx`;
    return new Response(bytes as BodyInit, {
      headers: { "Content-Type": XLSX, "Content-Disposition": contentDisposition(name), "Content-Length": String(bytes.byteLength), "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    });
  } catch (e) {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) {
      return new Response("Không tìm thấy dữ liệu này, hoặc bạn không có quyền xem.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
    }
    throw e;
  }
}
