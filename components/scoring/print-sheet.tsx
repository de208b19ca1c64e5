// One member's scoring sheet in the layout schools print and sign (phiếu đánh giá, chấm điểm thi
// đua): union header and national motto, the member, the criteria table with the self / group /
// council columns, deductions, bonus, disqualifiers, totals and classification (computed by
// lib/scoring/rules.ts, passed in), then the three signatures. A blank cell stays blank so the
// sheet can also be filled by hand. Server component; print CSS on the page.
import type { ScoreStageKind } from "@/lib/generated/prisma/enums";
import type { PrintSheet, PrintView } from "@/lib/scoring/print";
import { cellText } from "@/lib/scoring/cells";
import { formatPoints } from "@/lib/scoring/points";
import { criteriaMax } from "@/lib/scoring/scale";
import { formatDate } from "@/lib/format";
import { todayVN } from "@/lib/time";
import { roman } from "@/lib/scoring/scale-excel-layout";

const STAGES: ScoreStageKind[] = ["SELF", "GROUP", "COUNCIL"];
const STAGE_HEADERS: Record<ScoreStageKind, string> = { SELF: "Tự chấm", GROUP: "Tổ chấm", COUNCIL: "Hội đồng" };
const EXPLAINED_BY: Record<ScoreStageKind, string> = { SELF: "Giải trình của người tự chấm", GROUP: "Ý kiến của tổ công đoàn", COUNCIL: "Kết luận của Hội đồng" };
const td = "border border-black px-1 py-[1px] align-top";
const num = `${td} text-center tabular-nums`;

type Cells = Partial<Record<ScoreStageKind, string>>;

function Row({ stt, name, max, cells, note, bold, shade, small }: { stt?: string; name: string; max?: string; cells: Cells; note?: string; bold?: boolean; shade?: boolean; small?: boolean }) {
  return (
    <tr className={`break-inside-avoid ${bold ? "font-bold" : ""} ${shade ? "bg-slate-100 print:bg-transparent" : ""}`}>
      <td className={num}>{stt}</td>
      <td className={td}>{name}</td>
      <td className={num}>{max}</td>
      {STAGES.map((s) => (
        <td key={s} className={`${num} ${small ? "text-[10pt]" : ""}`}>
          {cells[s]}
        </td>
      ))}
      <td className={`${td} text-[10pt]`}>{note}</td>
    </tr>
  );
}

/** Per stage, only where that stage has been entered. */
const each = (sheet: PrintSheet, f: (st: NonNullable<PrintSheet["stages"][ScoreStageKind]>) => string | undefined): Cells =>
  Object.fromEntries(STAGES.flatMap((s) => (sheet.stages[s] ? [[s, f(sheet.stages[s]!)]] : [])));

export function PrintSheetView({ view, sheet, last }: { view: PrintView; sheet: PrintSheet; last: boolean }) {
  const { scale, school, period } = view;
  const deducting = scale.kind === "DEDUCT_FROM_START";
  const rescaled = STAGES.some((s) => sheet.stages[s] && sheet.stages[s]!.result.criteriaScaled !== sheet.stages[s]!.result.criteriaScore);
  const usedDisqualifiers = scale.disqualifiers.filter((d) => STAGES.some((s) => sheet.stages[s]?.data.disqualifiers.some((x) => x.key === d.key)));
  const council = sheet.stages.COUNCIL?.result;
  return (
    <article
      lang="vi"
      className="mx-auto mb-8 bg-white px-[12mm] py-[12mm] text-[12pt] leading-snug text-black shadow print:mb-0 print:p-0 print:shadow-none"
      style={{ fontFamily: '"Times New Roman", Tinos, "Liberation Serif", serif', maxWidth: "210mm", breakAfter: last ? "auto" : "page" }}
      aria-label={`Phiếu chấm điểm: ${sheet.memberName}`}
    >
      <header className="grid grid-cols-[5fr_6fr] gap-2 text-center">
        <div>
          <div className="text-[11pt] uppercase">{school.upperUnitName}</div>
          <div className="text-[11pt] font-bold uppercase">{school.unionName}</div>
          <div className="mx-auto mt-0.5 w-1/3 border-t border-black" />
        </div>
        <div>
          <div className="text-[11pt] font-bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div className="font-bold">
            <span className="border-b border-black pb-0.5">Độc lập – Tự do – Hạnh phúc</span>
          </div>
          <div className="mt-3 italic" data-testid="date-line">
            {sheet.dateLine}
          </div>
        </div>
      </header>

      <h2 className="mt-5 text-center text-[14pt] font-bold">PHIẾU ĐÁNH GIÁ, CHẤM ĐIỂM THI ĐUA</h2>
      <p className="text-center font-bold">{period.name}</p>
      <p className="text-center italic">
        {period.campaignName} (từ {formatDate(period.startsOn)} đến {formatDate(period.endsOn)})
      </p>

      <div className="mt-3 grid grid-cols-[3fr_2fr] gap-x-4">
        <p>
          Họ và tên: <b>{sheet.memberName}</b>
        </p>
        <p>Chức vụ: {sheet.position ?? "……………………"}</p>
        <p>Tổ công đoàn: {sheet.groupName || "……………………"}</p>
        <p className="col-span-2">
          Biểu điểm: {period.scaleName} (phiên bản {period.scaleNumber})
        </p>
      </div>

      <table className="mt-2 w-full border-collapse text-[11pt]">
        <colgroup>
          {[5, 39, 8, 10, 10, 10, 18].map((w, i) => (
            <col key={i} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr className="font-bold">
            {["STT", "Nội dung tiêu chí", "Điểm tối đa", ...STAGES.map((s) => STAGE_HEADERS[s]), "Giải trình"].map((h) => (
              <th key={h} scope="col" className="border border-black px-1 py-0.5 text-center align-middle">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {deducting && <Row stt="" name="Điểm khởi đầu" max={formatPoints(scale.start)} cells={each(sheet, () => formatPoints(scale.start))} bold shade />}
          {scale.groups.map((g, gi) => (
            <GroupRows key={g.key} sheet={sheet} group={g} index={gi} />
          ))}
          {!deducting && scale.groups.length > 0 && (
            <Row
              name={rescaled ? "Cộng điểm các tiêu chí (quy đổi theo tiêu chí được áp dụng)" : "Cộng điểm các tiêu chí"}
              max={formatPoints(criteriaMax(scale))}
              cells={each(sheet, (st) => formatPoints(st.result.criteriaScaled))}
              bold
            />
          )}
          {scale.deductions.length > 0 && (
            <>
              <Row name="Điểm trừ" cells={each(sheet, (st) => (st.result.deductionTotal ? `−${formatPoints(st.result.deductionTotal)}` : "0"))} bold shade />
              {scale.deductions.map((d, i) => {
                const marks = each(sheet, (st) => {
                  const x = st.data.deductions.find((y) => y.key === d.key);
                  return x ? `−${formatPoints(d.points * x.count)}` : "";
                });
                const found = STAGES.flatMap((s) => sheet.stages[s]?.data.deductions.filter((y) => y.key === d.key).map((y) => ({ s, ...y })) ?? []);
                const counts = new Set(found.map((x) => x.count)).size === 1 ? `${found[0].count} lần` : found.map((x) => `${STAGE_HEADERS[x.s]} ${x.count} lần`).join(", ");
                const note = found.length ? `${counts}: ${[...new Set(found.map((x) => x.reason))].join("; ")}` : "";
                return <Row key={d.key} stt={String(i + 1)} name={d.name} max={`−${formatPoints(d.points)}/lần`} cells={marks} note={note} />;
              })}
            </>
          )}
          {scale.bonus.length > 0 && (
            <>
              <Row name={`Điểm cộng (tổng không quá ${formatPoints(scale.bonusCap)})`} max={formatPoints(scale.bonusCap)} cells={each(sheet, (st) => formatPoints(st.result.bonusCapped))} bold shade />
              {scale.bonus.map((b, i) => (
                <Row key={b.key} stt={String(i + 1)} name={b.name} max={formatPoints(b.max)} cells={each(sheet, (st) => (st.data.bonus[b.key] ? formatPoints(st.data.bonus[b.key]) : ""))} />
              ))}
            </>
          )}
          {usedDisqualifiers.map((d) => (
            <Row
              key={d.key}
              name={`Không xếp loại: ${d.name}`}
              cells={each(sheet, (st) => (st.data.disqualifiers.some((x) => x.key === d.key) ? "Có" : ""))}
              note={[...new Set(STAGES.flatMap((s) => sheet.stages[s]?.data.disqualifiers.filter((x) => x.key === d.key).map((x) => x.reason) ?? []))].join("; ")}
            />
          ))}
          <Row name="TỔNG ĐIỂM" max={formatPoints(deducting ? scale.start : criteriaMax(scale))} cells={each(sheet, (st) => formatPoints(st.result.total))} bold shade />
          <Row name="XẾP LOẠI" cells={each(sheet, (st) => st.result.classification?.label ?? "Chưa chấm đủ")} bold small />
        </tbody>
      </table>

      {STAGES.filter((s) => sheet.stages[s]?.explanation).map((s) => (
        <p key={s} className="mt-1 text-[11pt]">
          <i>{EXPLAINED_BY[s]}:</i> {sheet.stages[s]!.explanation}
        </p>
      ))}
      <p className="mt-2">
        Hội đồng thi đua – khen thưởng xếp loại: <b>{council?.classification?.label ?? "……………………"}</b>
        {council?.classification && `, tổng điểm ${formatPoints(council.total)}`}.
      </p>

      <div className="mt-4 grid grid-cols-3 gap-2 text-center break-inside-avoid">
        {sheet.signers.map((s) => (
          <div key={s.stage} className="flex flex-col" data-testid={`signer-${s.stage}`}>
            <div className="text-[10pt] italic">{s.date ? `Ngày ${formatDate(todayVN(s.date))}` : "\u00a0"}</div>
            {s.onBehalfOf && <div className="font-bold">{s.onBehalfOf}</div>}
            <div className="font-bold">{s.role}</div>
            <div className="text-[11pt] italic">(Ký, ghi rõ họ tên)</div>
            <div className="h-[22mm]" />
            <div className="font-bold">{s.name}</div>
          </div>
        ))}
      </div>
    </article>
  );
}

/** A group with nothing applicable has no score ("-"), not 0. */
const groupScore = (g: { score: number; applicableMax: number } | undefined) => (!g ? "" : g.applicableMax === 0 && g.score === 0 ? "-" : formatPoints(g.score));

function GroupRows({ sheet, group, index }: { sheet: PrintSheet; group: PrintView["scale"]["groups"][number]; index: number }) {
  return (
    <>
      <Row stt={roman(index + 1)} name={group.name} max={formatPoints(group.max)} cells={each(sheet, (st) => groupScore(st.result.groups.find((x) => x.key === group.key)))} bold shade />
      {group.criteria.map((c, ci) => {
        // The same note carried from stage to stage is written once; different notes say whose they are.
        const notes = STAGES.flatMap((s) => {
          const n = sheet.stages[s]?.data.entries[c.key]?.note;
          return n ? [{ s, n }] : [];
        });
        const note = new Set(notes.map((x) => x.n)).size === 1 ? notes[0].n : notes.map((x) => `${STAGE_HEADERS[x.s]}: ${x.n}`).join("; ");
        return <Row key={c.key} stt={String(ci + 1)} name={c.name} max={c.type === "PASS_FAIL" ? "Đ/K" : formatPoints(c.max)} cells={each(sheet, (st) => cellText(st.data.entries[c.key]))} note={note} />;
      })}
    </>
  );
}
