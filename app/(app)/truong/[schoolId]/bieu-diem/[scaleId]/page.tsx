import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getScale } from "@/lib/scoring/scale-queries";
import { adoptScaleAction, newScaleVersionAction, saveScaleDraftAction } from "@/lib/scoring/scale-actions";
import { orNotFound, routeId } from "@/lib/server/page";
import { formatDate, formatDateTime } from "@/lib/format";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { ActionForm } from "@/components/scoring/action-form";
import { ScaleEditor } from "@/components/scoring/scale-editor";
import { ScaleView } from "@/components/scoring/scale-view";
import { DateInput } from "@/components/ui/date-input";
import { TextField } from "@/components/ui/text-field";

export const metadata: Metadata = { title: "Biểu điểm" };

/**
 * One scale: the draft in the builder (chair), adoption at the staff conference (date, resolution
 * number) which locks it, earlier versions read-only with their checksum verified.
 */
export default async function ScalePage({ params }: { params: Promise<{ schoolId: string; scaleId: string }> }) {
  // A place the viewer works in with scale.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("scale.read", { school: (await params).schoolId, within: true });
  const p = await params;
  const { school, scale, canManage } = await orNotFound(getScale(viewer, routeId(p.schoolId), routeId(p.scaleId)));
  const latest = scale.versions[0];
  const exportHref = `/truong/${school.id}/bieu-diem/${scale.id}/xuat-excel`;
  return (
    <>
      <p className="mb-2 text-sm no-print">
        <Link href={`/truong/${school.id}/bieu-diem`} className="text-brand-700 hover:underline">
          ← Biểu điểm của trường
        </Link>
      </p>
      <PageHeader
        title={scale.name}
        subtitle={`${school.name} · năm học ${scale.schoolYear.label}`}
        actions={
          <a className={buttonClass("secondary")} href={exportHref} download>
            Xuất Excel
          </a>
        }
      />
      <div className="flex flex-col gap-6">
        {scale.versions.map((v) =>
          !v.adoptedAt ? (
            <Card key={v.id} title={`Phiên bản ${v.number} – bản nháp`}>
              {canManage ? (
                <>
                  <ScaleEditor action={saveScaleDraftAction} versionId={v.id} version={v.version} initial={v.definition} />
                  <div className="mt-6 border-t border-slate-200 pt-4">
                    <h3 className="mb-2 font-semibold">Ghi nhận thông qua tại Hội nghị viên chức, người lao động</h3>
                    <p className="mb-2 text-sm text-slate-600">Sau khi ghi nhận, phiên bản này bị khóa; muốn thay đổi phải tạo phiên bản mới. Hãy lưu bản nháp trước.</p>
                    <ActionForm action={adoptScaleAction} hidden={{ versionId: v.id, version: v.version }} label="Ghi nhận đã thông qua" confirm="Biểu điểm sẽ bị khóa. Tiếp tục?">
                      <div className="flex flex-wrap items-start gap-3">
                        <DateInput name="adoptedOn" id={`adoptedOn-${v.id}`} label="Ngày thông qua (dd/mm/yyyy)" required className="w-56" />
                        <TextField name="resolutionNo" id={`resolutionNo-${v.id}`} label="Số nghị quyết" required placeholder="01/NQ-HNVC" maxLength={100} className="w-56" />
                      </div>
                    </ActionForm>
                  </div>
                </>
              ) : (
                <ScaleView scale={v.definition} />
              )}
            </Card>
          ) : (
            <Card key={v.id} title={`Phiên bản ${v.number}`}>
              <p className="mb-3 text-sm">
                <Badge tone="green">Đã thông qua</Badge> ngày {formatDate(v.adoptedOn)}, nghị quyết số {v.resolutionNo} (ghi nhận {formatDateTime(v.adoptedAt)}).{" "}
                {v.intact ? <Badge tone="green">Nội dung nguyên vẹn</Badge> : <Badge tone="red">Nội dung không khớp mã kiểm tra</Badge>}
              </p>
              <ScaleView scale={v.definition} />
              {v.id !== latest.id && (
                <p className="no-print mt-3 text-sm">
                  <a className="text-brand-700 hover:underline" href={`${exportHref}?phien-ban=${v.number}`} download>
                    Xuất Excel phiên bản {v.number}
                  </a>
                </p>
              )}
              {canManage && v.id === latest.id && (
                <div className="mt-4">
                  <ActionForm action={newScaleVersionAction} hidden={{ scaleId: scale.id }} label="Tạo phiên bản mới để sửa" variant="secondary" />
                </div>
              )}
            </Card>
          ),
        )}
      </div>
    </>
  );
}
