// The two routes on a package page (issue 12): which body decides, the split by deciding body, the
// government dossier (PDF and Word), "sent", the decision recorded with its scan, certificates;
// and the council minutes of the year (also shown on the reviewer's page).
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { getRoutePanel } from "@/lib/awards/routes-queries";
import { markStateSentAction, recordStateDecisionAction, splitPackageAction } from "@/lib/awards/routes-actions";
import { formatIsoDay } from "@/lib/awards/facts";
import { formatDateTime } from "@/lib/format";
import { MAX_EVIDENCE_BYTES } from "@/lib/evidence/rules";
import { Badge, Card } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { DateInput } from "@/components/ui/date-input";
import { ActionForm } from "@/components/awards/action-form";
import { packageLabel, packageTone } from "@/components/awards/labels";
import { todayIsoVN } from "@/lib/time";

export async function RoutePanel({ packageId }: { packageId: string }) {
  const viewer = await requireViewer();
  const r = await getRoutePanel(viewer, packageId);
  const p = r.package;
  const schoolBase = `/truong/${r.schoolId}`;
  const base = `${schoolBase}/de-nghi/${p.id}`;
  const today = todayIsoVN();
  return (
    <div className="mb-6 grid gap-4 lg:grid-cols-2">
      <Card title="Cấp quyết định">
        {r.can.mixed ? (
          <>
            <p className="mb-2 text-sm">Các đề nghị được chia theo cơ quan có thẩm quyền quyết định (Luật Thi đua, khen thưởng; Quy chế khen thưởng của Tổng Liên đoàn):</p>
            <ul className="space-y-1 text-sm" aria-label="Chia theo cấp quyết định">
              {r.groups.map((g) => (
                <li key={g.key}>
                  <Badge tone={g.side === "STATE" ? "blue" : "green"}>{g.sideLabel}</Badge> {g.authorityName}: {g.count} đề nghị ({g.titles.join(", ")}); người đề nghị: {g.proposer}
                </li>
              ))}
              {r.unknown.map((u) => (
                <li key={`${u.nomineeName}-${u.titleCode}`} className="text-red-700">
                  Chưa xác định cơ quan quyết định: {u.nomineeName}
                </li>
              ))}
            </ul>
            {r.can.split && <ActionForm once action={splitPackageAction} hidden={{ packageId: p.id, version: p.version }} label="Tách hồ sơ theo cấp quyết định" className="mt-3" confirm="Tách hồ sơ: mỗi cơ quan quyết định có tờ trình và danh sách riêng?" />}
          </>
        ) : (
          <p className="text-sm">
            <Badge tone={p.route === "STATE" ? "blue" : "green"}>{p.routeLabel}</Badge> Gửi: <span className="font-medium">{p.authorityName ?? "cấp trên công đoàn"}</span>
            {p.route === "STATE" ? " · Tờ trình do Hiệu trưởng ký" : " · Tờ trình do TM. Ban Chấp hành / Chủ tịch ký"}
          </p>
        )}
        {r.bchWaiting > 0 && (
          <p className="mt-3 text-sm">
            {r.bchWaiting} đề nghị thuộc thẩm quyền của Ban Chấp hành công đoàn cơ sở (không gửi cấp trên):{" "}
            <Link href={r.bchHref} className="text-blue-700 hover:underline">
              ra quyết định của Ban Chấp hành
            </Link>
          </p>
        )}
        {r.siblings.length > 0 && (
          <div className="mt-3 border-t border-slate-100 pt-2 text-sm">
            <h3 className="font-semibold">Hồ sơ cùng đợt</h3>
            <ul>
              {r.siblings.map((s) => (
                <li key={s.id}>
                  <Link href={`${schoolBase}/de-nghi/${s.id}`} className="text-blue-700 hover:underline">
                    {s.title}
                  </Link>{" "}
                  · {s.routeLabel} · <Badge tone={packageTone(s.status)}>{packageLabel(s.status)}</Badge>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>
      <Card title="Biên bản họp Hội đồng">
        <CouncilMinutesList minutes={r.minutes} />
      </Card>
      {p.route === "STATE" && (
        <Card title="Hồ sơ gửi cơ quan nhà nước" className="lg:col-span-2">
          <div className="flex flex-wrap gap-2">
            <a href={`${base}/to-trinh`} className={buttonClass("secondary")}>
              Tờ trình (PDF)
            </a>
            <a href={`${base}/danh-sach`} className={buttonClass("secondary")}>
              Danh sách (PDF)
            </a>
            <a href={`${base}/ho-so-word`} className={buttonClass("secondary")}>
              Tờ trình và danh sách (Word)
            </a>
          </div>
          {p.sentAt && <p className="mt-2 text-sm">Đã gửi lúc {formatDateTime(p.sentAt)}.</p>}
          {r.can.send && <ActionForm action={markStateSentAction} hidden={{ packageId: p.id, version: p.version }} label="Đánh dấu đã gửi" className="mt-3" confirm="Hồ sơ đã được gửi đến cơ quan có thẩm quyền?" />}
          {r.can.record && (
            <ActionForm once action={recordStateDecisionAction} hidden={{ packageId: p.id }} label="Ghi nhận quyết định" className="mt-4 max-w-3xl">
              <h3 className="text-sm font-semibold">Ghi nhận quyết định của {p.authorityName ?? "cơ quan có thẩm quyền"}</h3>
              <div className="grid gap-3 md:grid-cols-2">
                <label className="flex flex-col gap-1 text-sm">
                  Số quyết định
                  <input name="number" className={inputClass} required />
                </label>
                <DateInput name="signedOn" id={`signedOn-${p.id}`} label="Ngày ký" max={today} required className="text-sm" />
                <label className="flex flex-col gap-1 text-sm">
                  Cơ quan ban hành
                  <input name="issuerName" className={inputClass} required />
                </label>
                <label className="flex flex-col gap-1 text-sm">
                  Cơ quan cấp trên (dòng trên tên cơ quan)
                  <input name="issuerParent" className={inputClass} />
                </label>
                <label className="flex flex-col gap-1 text-sm">
                  Người ký
                  <input name="signerName" className={inputClass} required />
                </label>
                <label className="flex flex-col gap-1 text-sm">
                  Chức vụ người ký
                  <input name="signerTitle" className={inputClass} defaultValue="Chủ tịch" required />
                </label>
              </div>
              <label className="flex flex-col gap-1 text-sm">
                Bản chụp quyết định đã ký (PDF, JPG, PNG; tối đa {MAX_EVIDENCE_BYTES / 1024 / 1024} MB)
                <input type="file" name="file" accept=".pdf,.jpg,.jpeg,.png" className="text-xs" required />
              </label>
            </ActionForm>
          )}
          {r.decisions.length > 0 && (
            <ul className="mt-4 space-y-1 text-sm" aria-label="Quyết định đã ghi nhận">
              {r.decisions.map((d) => (
                <li key={d.id}>
                  Quyết định số {d.number} ngày {formatIsoDay(d.signedOn)} của {d.issuerName} ({d.signer}), {d.count} người/tập thể{d.revoked ? " · đã thu hồi" : ""} ·{" "}
                  <a href={`${schoolBase}/de-nghi/quyet-dinh/${d.id}/ban-chup`} className="text-blue-700 hover:underline">
                    Bản chụp
                  </a>
                  {r.can.revoke && !d.revoked && (
                    <>
                      {" · "}
                      <a href={`${schoolBase}/de-nghi/quyet-dinh?nam=${r.schoolYearId}#qd-${d.id}`} className="text-blue-700 hover:underline">
                        Ghi nhận thu hồi
                      </a>
                    </>
                  )}
                  {r.can.print && !d.revoked && (
                    <>
                      {" · "}
                      <a href={`${schoolBase}/de-nghi/quyet-dinh/${d.id}/giay-chung-nhan`} className="text-blue-700 hover:underline">
                        In giấy chứng nhận
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}

function CouncilMinutesList({ minutes }: { minutes: { id: string; heldOn: string; purpose: string; href: string }[] }) {
  if (!minutes.length) return <p className="text-sm text-slate-500">Chưa có phiên họp đã kết thúc trong năm học.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {minutes.map((m) => (
        <li key={m.id}>
          <a href={m.href} className="text-blue-700 hover:underline">
            Biên bản họp ngày {formatIsoDay(m.heldOn)}
          </a>{" "}
          – {m.purpose}
        </li>
      ))}
    </ul>
  );
}

/** The council minutes of the package's year, for the reviewer's page. */
export async function CouncilMinutesLinks({ packageId }: { packageId: string }) {
  const viewer = await requireViewer();
  const r = await getRoutePanel(viewer, packageId);
  return (
    <Card title="Biên bản họp Hội đồng Thi đua – Khen thưởng của trường" className="mb-6">
      <CouncilMinutesList minutes={r.minutes} />
    </Card>
  );
}
