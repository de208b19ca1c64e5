// A scale, read-only: what every member can see of the rules they are scored by.
import type { ScaleDefinition } from "@/lib/scoring/scale";
import { formatPoints } from "@/lib/scoring/points";
import { formatPercent } from "@/lib/format";

const POLICY = { RESCALE: "bỏ khỏi điểm tối đa và quy đổi tổng điểm", FULL_CREDIT: "tính đủ điểm tối đa" } as const;

export function ScaleView({ scale }: { scale: ScaleDefinition }) {
  const total = scale.groups.reduce((n, g) => n + g.max, 0);
  return (
    <div className="flex flex-col gap-4 text-sm">
      <p className="text-slate-600">
        {scale.kind === "DEDUCT_FROM_START" ? `Khởi đầu ${formatPoints(scale.start)} điểm, trừ dần.` : `Tổng điểm tiêu chí ${formatPoints(total)}.`} Cộng tối đa {formatPoints(scale.bonusCap)}. Tiêu chí không áp dụng: {POLICY[scale.notApplicable]}; được miễn: {POLICY[scale.exempt]}.
        {scale.basis && <> Căn cứ: {scale.basis}</>}
      </p>
      {scale.groups.length > 0 && (
        <table className="min-w-full">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1">Nhóm / tiêu chí</th>
              <th className="text-right">Tối đa</th>
              <th className="text-right">Minh chứng</th>
            </tr>
          </thead>
          <tbody>
            {scale.groups.map((g) => (
              <GroupRows key={g.key} g={g} />
            ))}
          </tbody>
        </table>
      )}
      {scale.deductions.length > 0 && (
        <div>
          <h3 className="font-semibold">Khoản trừ</h3>
          <ul className="list-disc pl-5">
            {scale.deductions.map((d) => (
              <li key={d.key}>
                {d.name}: −{formatPoints(d.points)} mỗi lần{d.groupKey ? ` (trừ vào nhóm “${scale.groups.find((g) => g.key === d.groupKey)?.name}”)` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
      {scale.bonus.length > 0 && (
        <div>
          <h3 className="font-semibold">Điểm cộng (tổng tối đa {formatPoints(scale.bonusCap)})</h3>
          <ul className="list-disc pl-5">
            {scale.bonus.map((b) => (
              <li key={b.key}>
                {b.name}: tối đa {formatPoints(b.max)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {scale.disqualifiers.length > 0 && (
        <div>
          <h3 className="font-semibold">Không xếp loại khi</h3>
          <ul className="list-disc pl-5">
            {scale.disqualifiers.map((d) => (
              <li key={d.key}>{d.name}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h3 className="font-semibold">Xếp loại</h3>
        <ul className="list-disc pl-5">
          {scale.bands.map((b) => (
            <li key={b.key}>
              {b.label}: từ {formatPoints(b.min)} điểm
              {b.applyGroupFloors && b.groupFloorPercent !== undefined && `, mỗi nhóm tiêu chí đạt tối thiểu ${formatPercent(b.groupFloorPercent, 1, true)} điểm tối đa của nhóm`}
              {b.requireAllPass && ", mọi tiêu chí Đạt/Không đạt phải Đạt"}
            </li>
          ))}
          <li>Còn lại: {scale.unrankedLabel}</li>
        </ul>
      </div>
    </div>
  );
}

function GroupRows({ g }: { g: ScaleDefinition["groups"][number] }) {
  return (
    <>
      <tr className="border-t border-slate-200 bg-slate-50 font-semibold">
        <td className="py-1">
          {g.name}
          {g.floorPercent !== undefined && <span className="font-normal text-slate-500"> (sàn {formatPercent(g.floorPercent, 1, true)})</span>}
        </td>
        <td className="text-right">{formatPoints(g.max)}</td>
        <td />
      </tr>
      {g.criteria.map((c) => (
        <tr key={c.key} className="border-t border-slate-100">
          <td className="py-1 pl-4">{c.name}</td>
          <td className="text-right">{c.type === "PASS_FAIL" ? "Đạt/Không đạt" : formatPoints(c.max)}</td>
          <td className="text-right">{c.evidenceRequired ? "Cần" : ""}</td>
        </tr>
      ))}
    </>
  );
}
