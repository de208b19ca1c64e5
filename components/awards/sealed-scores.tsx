// The school's sealed council scores per individual nominee, on the upper unit's review page:
// total and classification as sealed, when and by whom, a short checksum, and whether the stored
// numbers still match it ("Nguyên vẹn") or not ("Không khớp"). Data: lib/nominations/snapshots.ts.
import type { SealedScoreView } from "@/lib/nominations/snapshots";
import { formatDateTime } from "@/lib/format";
import { Badge, Card } from "@/components/ui/page";

export function SealedScores({ rows }: { rows: SealedScoreView[] }) {
  const broken = rows.filter((r) => r.sealed && !r.sealed.intact);
  return (
    <Card title="Điểm thi đua đã niêm phong của trường" className="mb-6">
      <p className="mb-2 text-sm text-slate-600">Điểm hội đồng trường đã chấm và niêm phong cho năm học của hồ sơ. Mã kiểm tra (sha-256) được tính lại mỗi khi mở trang này.</p>
      {broken.length > 0 && (
        <p role="alert" className="mb-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          Không khớp mã kiểm tra: số liệu niêm phong của {broken.map((r) => r.nomineeName).join(", ")} đã bị thay đổi sau khi niêm phong. Đề nghị nhà trường giải trình trước khi duyệt.
        </p>
      )}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">Hồ sơ không có cá nhân được đề nghị.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="py-2 pr-3">Đoàn viên</th>
                <th className="py-2 pr-3">Tổng điểm</th>
                <th className="py-2 pr-3">Xếp loại</th>
                <th className="py-2 pr-3">Niêm phong</th>
                <th className="py-2 pr-3">Mã kiểm tra</th>
                <th className="py-2 pr-3">Tình trạng</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.memberId} className="border-t border-slate-100 align-top" data-member={r.memberId}>
                  <td className="py-2 pr-3">
                    <div className="font-medium">{r.nomineeName}</div>
                    <div className="text-xs text-slate-500">{r.titles.join("; ")}</div>
                  </td>
                  {r.sealed ? (
                    <>
                      <td className="py-2 pr-3 tabular-nums">{r.sealed.total || "–"}</td>
                      <td className="py-2 pr-3">{r.sealed.classification ?? (r.sealed.complete ? "–" : "Chưa chấm đủ")}</td>
                      <td className="py-2 pr-3">
                        {formatDateTime(r.sealed.sealedAt)}
                        <div className="text-xs text-slate-500">
                          {r.sealed.periodName}
                          {r.sealed.sealedBy ? ` · ${r.sealed.sealedBy}` : ""}
                        </div>
                      </td>
                      <td className="py-2 pr-3">
                        <code className="text-xs" title={r.sealed.checksum}>
                          {r.sealed.checksum.slice(0, 12)}…
                        </code>
                      </td>
                      <td className="py-2 pr-3">
                        {r.sealed.intact ? <Badge tone="green">Nguyên vẹn</Badge> : <Badge tone="red">Không khớp</Badge>}
                        {r.sealed.amendments > 0 && <div className="mt-1 text-xs text-amber-800">{r.sealed.amendments} lần điều chỉnh sau niêm phong (có ghi lý do)</div>}
                      </td>
                    </>
                  ) : (
                    <td className="py-2 pr-3" colSpan={5}>
                      <Badge tone="slate">Chưa có điểm niêm phong</Badge>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
