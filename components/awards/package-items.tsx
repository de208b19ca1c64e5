// The nominees of a package: title, status, eligibility with reasons, council vote, dossier
// papers, and — when the school may still edit — the achievement report, papers and withdrawal.
import type { PackagePage } from "@/lib/nominations/queries";
import { updateItemAction, withdrawItemAction } from "@/lib/nominations/actions";
import { Badge } from "@/components/ui/page";
import { inputClass } from "@/components/ui/field";
import { ActionForm } from "./action-form";
import { AddPaperForm, DossierPaperList } from "./dossier-papers";
import { VerdictCell } from "./verdict";
import { itemLabel, itemTone } from "./labels";

type Item = PackagePage["items"][number];

function Vote({ v }: { v: Item["vote"] }) {
  if (!v) return <Badge tone="amber">Chưa bỏ phiếu</Badge>;
  const text = `${v.agree}/${v.baseCount}${v.secret ? " (kín)" : ""}`;
  return <Badge tone={v.passed ? (v.closed ? "green" : "blue") : "red"}>{v.passed ? `Thông qua ${text}` : `Không đạt ${text}`}</Badge>;
}

const ITEM_KINDS = ["MINH_CHUNG", "BAN_SAO_QUYET_DINH", "CONG_NHAN_SANG_KIEN", "BAO_CAO_THANH_TICH"] as const;

/** fileBase: the download route of the page showing the list (the school's or the upper unit's). */
export function PackageItems({ page, fileBase, extra }: { page: PackagePage; fileBase: string; extra?: (item: Item) => React.ReactNode }) {
  const items = page.items;
  if (!items.length) return <p className="text-sm text-slate-500">Danh sách trống.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-2 pr-3">Người / tập thể được đề nghị</th>
            <th className="py-2 pr-3">Đề nghị</th>
            <th className="py-2 pr-3">Điều kiện</th>
            <th className="py-2 pr-3">Hội đồng</th>
            <th className="py-2 pr-3">Trạng thái</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} id={`muc-${i.id}`} className={`border-t border-slate-100 align-top ${i.status === "WITHDRAWN" ? "opacity-50" : ""}`}>
              <td className="py-2 pr-3">
                <div className="font-medium">{i.nomineeName}</div>
                <div className="text-xs text-slate-500">{[i.position, i.group].filter(Boolean).join(" · ")}</div>
                {/* Every nominee has a slot for their own papers (an LĐTT nominee too), not only those whose title needs some. */}
                {(i.needsReport || i.docs.length > 0 || i.uploaded.length > 0 || i.can.addDoc) && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs text-brand-700">
                      Hồ sơ cá nhân ({i.docs.length ? `${i.docs.filter((d) => d.present).length}/${i.docs.length} thành phần` : `${i.uploaded.length} tài liệu`})
                    </summary>
                    <ul className="mt-1 text-xs">
                      {i.docs.map((d) => (
                        <li key={d.kind} className={d.present ? "text-green-700" : "text-red-700"}>
                          {d.present ? "✓" : "✗"} {d.label}
                        </li>
                      ))}
                    </ul>
                    <DossierPaperList papers={i.uploaded} fileBase={fileBase} canDelete={i.can.addDoc} className="mt-1 text-xs" />
                    {i.can.edit && (i.needsReport || i.achievementSummary) ? (
                      <ActionForm action={updateItemAction} hidden={{ itemId: i.id, version: i.version }} label="Lưu báo cáo thành tích" variant="secondary" className="mt-2">
                        <label className="flex flex-col gap-1 text-xs">
                          Báo cáo thành tích
                          <textarea name="achievementSummary" rows={6} defaultValue={i.achievementSummary} className={inputClass} />
                        </label>
                      </ActionForm>
                    ) : (
                      i.achievementSummary && <p className="mt-1 whitespace-pre-line text-xs text-slate-700">{i.achievementSummary}</p>
                    )}
                    {i.can.addDoc && <AddPaperForm packageId={page.package.id} itemId={i.id} kinds={ITEM_KINDS} defaultKind="MINH_CHUNG" className="mt-2" />}
                  </details>
                )}
              </td>
              <td className="py-2 pr-3">
                {i.titleName}
                {i.approvedTitleName && <div className="text-xs text-green-700">Duyệt: {i.approvedTitleName}</div>}
                {i.achievementKey.startsWith("theme:") && <div className="text-xs text-slate-500">Chuyên đề: {i.achievementKey.slice(6)}</div>}
              </td>
              <td className="py-2 pr-3">
                <VerdictCell v={i.verdict} />
                {i.snapshot?.summary && i.status !== "DRAFT" && <div className="mt-1 text-[11px] text-slate-400">Khi gửi: {i.snapshot.summary}</div>}
              </td>
              <td className="py-2 pr-3">
                <Vote v={i.vote} />
              </td>
              <td className="py-2 pr-3">
                <Badge tone={itemTone(i.status)}>{itemLabel(i.status)}</Badge>
                {i.reviewNote && <div className="mt-1 text-xs text-red-700">Ý kiến cấp trên: {i.reviewNote}</div>}
                {i.can.withdraw && (
                  <div className="mt-1">
                    <ActionForm action={withdrawItemAction} hidden={{ itemId: i.id, version: i.version }} label="Rút" variant="secondary" confirm={`Rút ${i.nomineeName} (${i.titleName}) khỏi danh sách?`} />
                  </div>
                )}
                {extra?.(i)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
