// An administrative document (lib/documents/types.ts) as a print-friendly page: the same
// layout as the PDF (Nghị định 30/2020), drawn with HTML in a Times-metric serif.
import type { AdminDocument, DocBlock } from "@/lib/documents/types";
import { placeDateLine } from "@/lib/documents/types";

function Block({ b }: { b: DocBlock }) {
  switch (b.type) {
    case "heading":
      return <p className="mt-2 indent-[1cm] font-bold">{b.text}</p>;
    case "subheading":
      return <p className={`indent-[1cm] font-bold ${b.italic ? "italic" : ""}`}>{b.text}</p>;
    case "paragraph":
      return <p className={`text-justify ${b.noIndent ? "" : "indent-[1cm]"} ${b.italic ? "italic" : ""} ${b.bold ? "font-bold" : ""}`}>{b.text}</p>;
    case "spacer":
      return <div style={{ height: b.height ?? 8 }} />;
    case "table":
      return (
        <table className="my-2 w-full border-collapse text-[12pt]">
          <thead>
            <tr>
              {b.columns.map((c) => (
                <th key={c.header} className="border border-black px-1 py-0.5 text-center font-bold" style={{ width: `${c.width * 100}%` }}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.rows.map((r, i) => (
              <tr key={i} className="align-top">
                {r.map((cell, j) => (
                  <td key={j} className="border border-black px-1 py-0.5" style={{ textAlign: b.columns[j].align ?? "left" }}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

export function DocumentView({ doc }: { doc: AdminDocument }) {
  return (
    <article
      lang="vi"
      className="mx-auto bg-white px-[15mm] py-[20mm] text-[13pt] leading-snug text-black shadow print:shadow-none sm:pl-[30mm]"
      style={{ fontFamily: '"Times New Roman", Tinos, "Liberation Serif", serif', maxWidth: "210mm" }}
    >
      {doc.mark && <div className="mb-2 ml-auto w-fit border border-black px-2 text-[11pt] font-bold">{doc.mark}</div>}
      <header className="grid grid-cols-[5fr_6fr] gap-2 text-center">
        <div>
          {doc.issuer.parent && <div className="text-[12pt] uppercase">{doc.issuer.parent}</div>}
          {doc.issuer.name.split("\n").map((l) => (
            <div key={l} className="text-[12pt] font-bold uppercase">
              {l}
            </div>
          ))}
          <div className="mx-auto mt-0.5 w-1/3 border-t border-black" />
          <div className="mt-3">Số: {doc.number ?? "      "}</div>
        </div>
        <div>
          <div className="text-[12pt] font-bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div className="font-bold">
            <span className="border-b border-black pb-0.5">Độc lập – Tự do – Hạnh phúc</span>
          </div>
          <div className="mt-4 italic">{placeDateLine(doc.place, doc.date)}</div>
        </div>
      </header>
      <h1 className="mt-6 text-center text-[14pt] font-bold">{doc.kind}</h1>
      <p className="text-center text-[14pt] font-bold">{doc.title}</p>
      <div className="mx-auto mb-4 mt-1 w-1/4 border-t border-black" />
      <div className="space-y-1.5">
        {doc.blocks.map((b, i) => (
          <Block key={i} b={b} />
        ))}
      </div>
      <div className={`mt-6 grid ${doc.signatures.length > 1 ? "grid-cols-2" : "grid-cols-[1fr_1fr]"} gap-4 text-center`}>
        {doc.signatures.length === 1 && <div />}
        {doc.signatures.map((s, i) => (
          <div key={i} className="flex flex-col">
            {s.title.map((t) => (
              <div key={t} className="font-bold">
                {t}
              </div>
            ))}
            <div className="h-20 pt-2 text-[12pt] italic">{s.note}</div>
            <div className="font-bold">{s.name}</div>
          </div>
        ))}
      </div>
      {doc.recipients && (
        <div className="mt-6 text-[11pt]">
          <div className="text-[12pt] font-bold italic">Nơi nhận:</div>
          {doc.recipients.map((r) => (
            <div key={r}>{r}</div>
          ))}
        </div>
      )}
    </article>
  );
}
