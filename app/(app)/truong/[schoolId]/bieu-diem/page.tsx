import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { listScales } from "@/lib/scoring/scale-queries";
import { createScaleAction, importScaleAction } from "@/lib/scoring/scale-actions";
import { MAX_EVIDENCE_BYTES } from "@/lib/evidence/rules";
import { TEMPLATES } from "@/lib/scoring/templates";
import { orNotFound, routeId } from "@/lib/server/page";
import { formatDate } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { inputClass } from "@/components/ui/field";
import { ActionForm } from "@/components/scoring/action-form";
import { ScaleImportForm } from "@/components/scoring/scale-import-form";

export const metadata: Metadata = { title: "Biểu điểm thi đua" };

/** The school's scales (everyone in the school reads them); the chair creates them, or imports one from Excel. */
export default async function ScalesPage({ params }: { params: Promise<{ schoolId: string }> }) {
  // A place the viewer works in with scale.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("scale.read", { school: (await params).schoolId, within: true });
  const { school, scales, years, currentYearId, canManage } = await orNotFound(listScales(viewer, routeId((await params).schoolId)));
  return (
    <>
      <PageHeader title="Biểu điểm thi đua" subtitle={school.name} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          {scales.length === 0 ? (
            <EmptyState>Chưa có biểu điểm.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200">
              {scales.map((s) => {
                const adopted = s.versions.find((v) => v.adoptedAt);
                const draft = s.versions.find((v) => !v.adoptedAt);
                return (
                  <li key={s.id} className="py-2">
                    <Link className="font-medium text-brand-700 hover:underline" href={`/truong/${school.id}/bieu-diem/${s.id}`}>
                      {s.name}
                    </Link>{" "}
                    <span className="text-sm text-slate-600">Năm học {s.schoolYear.label}</span>{" "}
                    {adopted ? (
                      <Badge tone="green">
                        Đã thông qua (phiên bản {adopted.number}, {adopted.resolutionNo}, {formatDate(adopted.adoptedOn)})
                      </Badge>
                    ) : null}{" "}
                    {draft && <Badge tone="amber">Bản nháp phiên bản {draft.number}</Badge>}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        {canManage && (
          <div className="flex flex-col gap-6">
            <Card title="Tạo biểu điểm">
              <ActionForm once action={createScaleAction} hidden={{ schoolId: school.id }} label="Tạo biểu điểm">
                <label className="flex flex-col gap-1 text-sm">
                  <span className="font-medium">Tên biểu điểm</span>
                  <input name="name" required className={inputClass} defaultValue={`Biểu điểm thi đua năm học ${years.find((y) => y.id === currentYearId)?.label ?? ""}`} />
                </label>
                <label className="flex flex-col gap-1 text-sm">
                  <span className="font-medium">Năm học</span>
                  <select name="schoolYearId" className={inputClass} defaultValue={currentYearId}>
                    {years.map((y) => (
                      <option key={y.id} value={y.id}>
                        {y.label}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="flex flex-col gap-1 text-sm">
                  <span className="font-medium">Bắt đầu từ</span>
                  <select name="source" className={inputClass}>
                    {scales.map((s) => (
                      <option key={s.id} value={`copy:${s.id}`}>
                        Sao chép: {s.name} ({s.schoolYear.label})
                      </option>
                    ))}
                    {Object.entries(TEMPLATES).map(([k, t]) => (
                      <option key={k} value={`template:${k}`}>
                        Mẫu: {t.label}
                      </option>
                    ))}
                    <option value="blank">Biểu điểm trống (tự xây dựng từ đầu)</option>
                  </select>
                </label>
              </ActionForm>
            </Card>
            <Card title="Nhập biểu điểm từ Excel">
              <ScaleImportForm action={importScaleAction} schoolId={school.id} years={years} currentYearId={currentYearId} templateHref={`/truong/${school.id}/bieu-diem/mau`} maxMb={MAX_EVIDENCE_BYTES / 1024 / 1024} />
            </Card>
          </div>
        )}
      </div>
    </>
  );
}
