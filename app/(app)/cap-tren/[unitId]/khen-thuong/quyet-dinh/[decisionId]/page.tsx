import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getDecision } from "@/lib/awards/queries";
import { getCertificateSummary } from "@/lib/awards/certificate-queries";
import { revokeDecisionAction } from "@/lib/awards/actions";
import { formatIsoDay } from "@/lib/awards/facts";
import { orNotFound, routeId } from "@/lib/server/page";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ActionForm } from "@/components/awards/action-form";
import { todayIsoVN } from "@/lib/time";
import { DateInput } from "@/components/ui/date-input";

export const metadata: Metadata = { title: "Quyết định khen thưởng" };

/** A decision and its awards; revocation keeps the record (rule 16). */
export default async function DecisionPage({ params }: { params: Promise<{ unitId: string; decisionId: string }> }) {
  // The unit itself must be one the viewer serves with award.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("award.read", { unit: (await params).unitId });
  const { unitId, decisionId } = await params;
  const [d, certs] = await orNotFound(Promise.all([getDecision(viewer, routeId(unitId), routeId(decisionId)), getCertificateSummary(viewer, routeId(unitId), routeId(decisionId))]));
  const base = `/cap-tren/${d.unit.id}/khen-thuong/quyet-dinh`;
  const certHref = `${base}/${d.decision.id}/giay-khen`;
  const printable = new Set(certs.printable);
  const today = todayIsoVN();
  return (
    <>
      <PageHeader
        title={`Quyết định số ${d.decision.number}`}
        subtitle={
          <>
            <Link href={base} className="hover:underline">
              {d.decision.issuerName}
            </Link>{" "}
            · ký ngày {formatIsoDay(d.decision.signedOn)} · {d.decision.signerTitle} {d.decision.signerName} · {d.revocation ? <Badge tone="red">Đã thu hồi</Badge> : <Badge tone="green">Hiệu lực</Badge>}
          </>
        }
        actions={
          <>
            <a href={`${base}/${d.decision.id}/pdf`} className={buttonClass("secondary")}>
              Quyết định (PDF)
            </a>
            {certs.canPrint && printable.size > 0 && (
              <a href={certHref} className={buttonClass("primary")}>
                In giấy khen ({printable.size})
              </a>
            )}
          </>
        }
      />
      {certs.canPrint && d.revocation && <p className="mb-4 text-sm text-red-700">Quyết định đã bị thu hồi: không in giấy khen, bằng khen, giấy chứng nhận theo quyết định này.</p>}
      {d.revocation && (
        <Card title="Thu hồi" className="mb-6">
          <p className="text-sm">
            Ngày {formatIsoDay(d.revocation.revokedOn)}
            {d.revocation.number ? ` (Quyết định số ${d.revocation.number})` : ""}: {d.revocation.reason}
          </p>
        </Card>
      )}
      <Card title={`Danh sách khen thưởng (${d.awards.length}) – năm học ${d.decision.yearLabel}`}>
        <table className="w-full text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              <th className="py-1 pr-2">TT</th>
              <th className="py-1 pr-2">Họ và tên / Tập thể</th>
              <th className="py-1 pr-2">Đơn vị</th>
              <th className="py-1 pr-2">Danh hiệu, hình thức</th>
              {certs.canPrint && printable.size > 0 && <th className="py-1 pr-2 no-print">Giấy khen</th>}
            </tr>
          </thead>
          <tbody>
            {d.awards.map((a, i) => (
              <tr key={a.id} className="border-t border-slate-100">
                <td className="py-1 pr-2">{i + 1}</td>
                <td className="py-1 pr-2">{a.recipientName}</td>
                <td className="py-1 pr-2">{a.schoolName}</td>
                <td className="py-1 pr-2">{a.titleName}</td>
                {certs.canPrint && printable.size > 0 && (
                  <td className="py-1 pr-2 no-print">
                    {printable.has(a.id) ? (
                      <a href={`${certHref}?award=${a.id}`} className="text-brand-700 hover:underline" aria-label={`In giấy khen của ${a.recipientName}`}>
                        In
                      </a>
                    ) : (
                      <span className="text-xs text-slate-500">Đã thu hồi</span>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {d.canRevoke && (
        <Card title="Thu hồi quyết định" className="mt-6">
          <ActionForm once action={revokeDecisionAction} hidden={{ decisionId: d.decision.id }} label="Thu hồi" variant="danger" confirm="Thu hồi quyết định này? Hồ sơ vẫn được lưu, đánh dấu đã thu hồi.">
            <label className="flex flex-col gap-1 text-sm">
              Lý do (gian dối, hồ sơ sai, vi phạm quy định…)
              <textarea name="reason" rows={2} className={inputClass} required />
            </label>
            <label className="flex flex-col gap-1 text-sm">
              Số quyết định thu hồi
              <input name="number" className={inputClass} />
            </label>
            <DateInput name="revokedOn" label="Ngày thu hồi" defaultValue={today} max={today} required className="text-sm" />
          </ActionForm>
        </Card>
      )}
    </>
  );
}
