import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getMeetingPage } from "@/lib/council/queries";
import { closeMeetingAction, recordBallotSheetAction, recordListVoteAction, recordVoteAction } from "@/lib/council/actions";
import { formatIsoDay } from "@/lib/awards/facts";
import { ballotFigures } from "@/lib/council/ballot-figures";
import { orNotFound, routeId } from "@/lib/server/page";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { BallotSheetForm, TallyForm } from "@/components/council/tally-forms";
import { ActionForm } from "@/components/awards/action-form";
import { COUNCIL_ROLE_LABELS } from "@/components/awards/labels";

export const metadata: Metadata = { title: "Phiên họp Hội đồng" };

/** A council meeting: attendance, ballots per nominee with their thresholds, the minutes. */
export default async function MeetingPage({ params }: { params: Promise<{ schoolId: string; meetingId: string }> }) {
  // The gate first: a place where the viewer holds the capability (the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("council.read", { school: (await params).schoolId, within: true });
  const { meetingId } = await params;
  const page = await orNotFound(getMeetingPage(viewer, routeId(meetingId)));
  const m = page.meeting;
  const base = `/truong/${page.school.id}/hoi-dong`;
  return (
    <>
      <PageHeader
        title={`Phiên họp ngày ${formatIsoDay(m.heldOn)}`}
        subtitle={
          <>
            <Link href={`${base}?nam=${page.year.id}`} className="hover:underline">
              Hội đồng TĐ-KT {page.school.name}
            </Link>{" "}
            · {m.purpose}
          </>
        }
        actions={
          <a href={`${base}/${m.id}/bien-ban`} className={buttonClass("secondary")}>
            Biên bản (PDF)
          </a>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={`Có mặt ${m.presentCount}/${m.memberCount}`}>
          <ul className="space-y-1 text-sm">
            {page.attendance.map((a) => (
              <li key={a.fullName} className={a.present ? "" : "text-slate-400 line-through"}>
                {a.fullName} <span className="text-xs text-slate-500">– {COUNCIL_ROLE_LABELS[a.role]}</span>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm">{m.status === "OPEN" ? <Badge tone="amber">Đang họp</Badge> : <Badge tone="green">Đã kết thúc – biên bản đã khóa</Badge>}</p>
          {page.canManage && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <ActionForm action={closeMeetingAction} hidden={{ meetingId: m.id, version: m.version }} label="Kết thúc phiên họp" variant="danger" confirm="Kết thúc phiên họp? Biên bản và kết quả kiểm phiếu sẽ không sửa được nữa.">
                <label className="flex flex-col gap-1 text-sm">
                  Kết luận (ghi vào biên bản)
                  <textarea name="minutesNote" rows={3} className={inputClass} />
                </label>
              </ActionForm>
            </div>
          )}
        </Card>
        <div className="space-y-6 lg:col-span-2">
          {page.packages.length === 0 && page.votes.length === 0 && <EmptyState>Chưa có danh sách đề nghị (dự thảo) nào để Hội đồng bỏ phiếu. Lập hồ sơ đề nghị trước.</EmptyState>}
          {page.canManage && page.voteBlock && (
            <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="vote-blocked">
              {page.voteBlock}
            </p>
          )}
          {page.canManage &&
            !page.voteBlock &&
            page.packages.map((p) => {
              const open = p.items.filter((i) => !i.secret);
              const secret = p.items.filter((i) => i.secret);
              return (
                <Card key={p.id} title={p.title}>
                  {open.length > 0 && (
                    <section className="mb-4">
                      <h3 className="text-sm font-semibold">Biểu quyết danh sách ({open.length} người, {open[0].rule})</h3>
                      <p className="mb-2 text-xs text-slate-500">
                        Đã ghi: {open.filter((i) => i.vote).length}/{open.length}; đạt: {open.filter((i) => i.vote?.passed).length}.
                      </p>
                      <TallyForm action={recordListVoteAction} hidden={{ meetingId: m.id, packageId: p.id }} label="Ghi kết quả biểu quyết" present={m.presentCount} />
                      <details className="mt-2">
                        <summary className="cursor-pointer text-xs text-brand-700">Biểu quyết theo từng người (mỗi người một số phiếu đồng ý)</summary>
                        <div className="mt-2">
                          <BallotSheetForm action={recordBallotSheetAction} meetingId={m.id} packageId={p.id} kind="open" present={m.presentCount} nominees={open} label="Ghi biểu quyết từng người" />
                        </div>
                      </details>
                    </section>
                  )}
                  {secret.length > 0 && (
                    <section className="mb-4">
                      <h3 className="text-sm font-semibold">Phiếu bầu kín ({secret.length} người)</h3>
                      <p className="mb-2 text-xs text-slate-500">Mỗi phiếu ghi tên từng người: nhập số phiếu phát ra, thu về, hợp lệ một lần và số phiếu đồng ý của từng người; ngưỡng đạt xét cho từng người.</p>
                      <BallotSheetForm action={recordBallotSheetAction} meetingId={m.id} packageId={p.id} kind="secret" present={m.presentCount} nominees={secret} label="Ghi kết quả phiếu bầu" />
                    </section>
                  )}
                  {secret.length > 0 && <h3 className="mb-2 text-sm font-semibold">Hoặc ghi riêng từng người</h3>}
                  <ul className="space-y-4">
                    {secret.map((i) => (
                      <li key={i.id} className="rounded border border-slate-200 p-3">
                        <div className="mb-2 text-sm">
                          <span className="font-medium">{i.nomineeName}</span> – {i.titleName} <span className="text-xs text-slate-500">(cần {i.rule})</span>{" "}
                          {i.vote && <Badge tone={i.vote.passed ? "green" : "red"}>{i.vote.passed ? `Đạt ${i.vote.agree}/${i.vote.baseCount}` : `Không đạt ${i.vote.agree}/${i.vote.baseCount}`}</Badge>}
                        </div>
                        <TallyForm action={recordVoteAction} hidden={{ meetingId: m.id, itemId: i.id }} label={i.vote ? "Ghi lại" : "Ghi kết quả kiểm phiếu"} present={m.presentCount} initial={i.vote} />
                      </li>
                    ))}
                  </ul>
                </Card>
              );
            })}
          <Card title="Kết quả đã ghi">
            {page.votes.length === 0 ? (
              <EmptyState>Chưa có kết quả.</EmptyState>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-sm">
                  <thead className="text-left text-slate-600">
                    <tr>
                      <th className="py-1 pr-2">Họ và tên</th>
                      <th className="py-1 pr-2">Đề nghị</th>
                      <th className="py-1 pr-2">Phát ra</th>
                      <th className="py-1 pr-2">Thu về</th>
                      <th className="py-1 pr-2">Hợp lệ</th>
                      <th className="py-1 pr-2">Đồng ý</th>
                      <th className="py-1 pr-2">% đồng ý</th>
                      <th className="py-1 pr-2">Kết quả</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.votes.map((v, k) => {
                      const f = ballotFigures(v);
                      return (
                      <tr key={k} className="border-t border-slate-100" data-testid="ket-qua-phieu">
                        <td className="py-1 pr-2">{v.nomineeName}</td>
                        <td className="py-1 pr-2">
                          {v.titleName}
                          {v.secret ? " (phiếu kín)" : ""}
                        </td>
                        <td className="py-1 pr-2 tabular-nums">{f.issued}</td>
                        <td className="py-1 pr-2 tabular-nums">{f.returned}</td>
                        <td className="py-1 pr-2 tabular-nums">{f.valid}</td>
                        <td className="py-1 pr-2 tabular-nums">{f.agreeText}</td>
                        <td className="py-1 pr-2 tabular-nums">{f.percentText}</td>
                        <td className="py-1 pr-2">
                          <Badge tone={v.passed ? "green" : "red"}>{v.passed ? "Đạt" : "Không đạt"}</Badge>
                        </td>
                      </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
