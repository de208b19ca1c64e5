// What changed between two versions of a plan, field by field (lib/plans/diff.ts).
import type { FieldChange } from "@/lib/plans/diff";
import { Badge, Card, EmptyState } from "@/components/ui/page";

const KIND = { added: ["Thêm mới", "green"], removed: ["Bỏ", "red"], changed: ["Sửa", "amber"] } as const;
const AREA = { header: "Phần đầu văn bản", section: "Nội dung", calendar: "Lịch công việc", target: "Chỉ tiêu" } as const;

export function DiffView({ changes }: { changes: FieldChange[] }) {
  if (!changes.length) return <EmptyState>Hai phiên bản giống nhau.</EmptyState>;
  const areas = (Object.keys(AREA) as (keyof typeof AREA)[]).filter((a) => changes.some((c) => c.area === a));
  return (
    <>
      {areas.map((a) => (
        <Card key={a} title={AREA[a]} className="mb-4">
          <ul className="space-y-3">
            {changes
              .filter((c) => c.area === a)
              .map((c, i) => (
                <li key={i} className="text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={KIND[c.kind][1]}>{KIND[c.kind][0]}</Badge>
                    <span className="font-medium">{c.label}</span>
                    {c.fieldLabel && c.area !== "header" && <span className="text-slate-500">– {c.fieldLabel}</span>}
                  </div>
                  {c.lines ? (
                    <pre className="mt-1 whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-2 font-sans text-sm">
                      {c.lines
                        .filter((l) => l.op !== "same")
                        .map((l, k) => (
                          <div key={k} className={l.op === "add" ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900 line-through"}>
                            {l.op === "add" ? "+ " : "− "}
                            {l.text}
                          </div>
                        ))}
                    </pre>
                  ) : (
                    <div className="mt-1 grid gap-1 sm:grid-cols-2">
                      {c.before !== undefined && (
                        <div className="rounded-md bg-red-50 px-2 py-1 text-red-900">
                          <span className="text-xs text-red-700">Trước: </span>
                          {c.before || "(trống)"}
                        </div>
                      )}
                      {c.after !== undefined && (
                        <div className="rounded-md bg-green-50 px-2 py-1 text-green-900">
                          <span className="text-xs text-green-700">Sau: </span>
                          {c.after || "(trống)"}
                        </div>
                      )}
                    </div>
                  )}
                </li>
              ))}
          </ul>
        </Card>
      ))}
    </>
  );
}
