// The plan page (school or upper unit): status and signatures, workflow buttons, versions,
// then each part of the plan with its comments; editable in place while it is a draft.
import Link from "next/link";
import type { PlanDetail } from "@/lib/plans/queries";
import { PLAN_STATE_LABELS, replacementLabel, type PlanState, type Replacement } from "@/lib/plans/rules";
import { COMMENT_KEY_LABELS, SIDE_LABELS, UNIT_SIDE_LABELS, yearOfSchoolMonth, type CommentKey } from "@/lib/plans/content";
import { MEASURES, formatTarget, isMeasureKey, targetActual, targetMet } from "@/lib/plans/measures";
import { formatDate, formatDateTime, formatNumber, formatPercent, toDateInput } from "@/lib/format";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { AmendForm, CommentForm, DeleteRowForm, DiscardForm, HeaderForm, ItemForm, SectionForm, TargetForm, TransitionForm } from "./plan-forms";

export function stateTone(s: PlanState): "slate" | "green" | "amber" | "blue" {
  return s === "SIGNED" ? "green" : s === "DRAFT" ? "slate" : "amber";
}

/** The plan's state; a signed plan whose signed amendment replaced it says so instead of "Đã ký kết". */
export function StateBadge({ state, replacedBy }: { state: PlanState; replacedBy?: Replacement | null }) {
  if (replacedBy) return <Badge tone="slate">{replacementLabel(replacedBy)}</Badge>;
  return <Badge tone={stateTone(state)}>{PLAN_STATE_LABELS[state]}</Badge>;
}

function Body({ text }: { text: string }) {
  return (
    <div className="space-y-1.5 text-sm leading-relaxed text-slate-800">
      {text
        .split("\n")
        .filter(Boolean)
        .map((l, i) => (
          <p key={i} className={/^\d+\.\s/.test(l) ? "font-semibold" : ""}>
            {l}
          </p>
        ))}
    </div>
  );
}

type Comment = PlanDetail["plan"]["comments"][number];

function Comments({ list, planId, sectionKey, canComment }: { list: Comment[]; planId: string; sectionKey: CommentKey; canComment: boolean }) {
  if (!list.length && !canComment) return null;
  return (
    <div className="mt-4 border-t border-slate-100 pt-3">
      <h3 className="mb-2 text-sm font-semibold text-slate-700">Góp ý ({list.length})</h3>
      {list.length > 0 && (
        <ol className="mb-3 space-y-2">
          {list.map((c) => (
            <li key={c.id} className="rounded-md bg-amber-50 px-3 py-2 text-sm">
              <div className="text-xs text-slate-600">
                <span className="font-medium text-slate-800">{c.author.displayName}</span> · {formatDateTime(c.createdAt)}
              </div>
              <p className="whitespace-pre-line">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canComment && <CommentForm planId={planId} sectionKey={sectionKey} label={COMMENT_KEY_LABELS[sectionKey]} />}
    </div>
  );
}

function Signature({ side, name, at }: { side: string; name: string | null; at: Date | null }) {
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{side}</div>
      <div className="mt-1 font-medium">{name ?? "—"}</div>
      <div className={`text-sm ${at ? "text-green-700" : "text-slate-500"}`}>{at ? `Đã ký lúc ${formatDateTime(at)}` : "Chưa ký"}</div>
    </div>
  );
}

export function PlanView({ d, base, ownerName, unitLevel }: { d: PlanDetail; base: string; ownerName: string; unitLevel: boolean }) {
  const p = d.plan;
  const editable = d.actions.includes("edit");
  const canComment = d.actions.includes("comment");
  const sides = unitLevel ? UNIT_SIDE_LABELS : SIDE_LABELS;
  const govLabel = unitLevel ? "Cơ quan quản lý" : "Nhà trường";
  const startYear = p.schoolYear.startsOn.getUTCFullYear();
  const comments = (key: CommentKey) => p.comments.filter((c) => c.sectionKey === key);
  const href = `${base}/${p.id}`;
  const sectionsBefore = p.sections.filter((s) => ["legal_basis", "principles", "duties", "joint_work"].includes(s.key));
  const sectionsAfter = p.sections.filter((s) => !["legal_basis", "principles", "duties", "joint_work"].includes(s.key));
  const renderSection = (s: (typeof p.sections)[number]) => (
    <Card key={s.id} title={s.title} className="mb-4">
      {editable ? <SectionForm planId={p.id} section={s} /> : <Body text={s.body} />}
      <Comments list={comments(s.key as CommentKey)} planId={p.id} sectionKey={s.key as CommentKey} canComment={canComment} />
    </Card>
  );

  return (
    <>
      <PageHeader
        title={`Kế hoạch phối hợp năm học ${p.schoolYear.label}${p.revision > 1 ? ` – sửa đổi lần ${p.revision - 1}` : ""}`}
        subtitle={
          <>
            {ownerName} · <Link className="text-brand-700 hover:underline" href={`${base}?nam=${p.schoolYear.id}`}>Tất cả kế hoạch</Link>
          </>
        }
        actions={
          <>
            <a className={buttonClass("secondary")} href={`${href}/pdf`}>
              Tải PDF
            </a>
            <Link className={buttonClass("secondary")} href={`${href}/in`}>
              Bản in
            </Link>
          </>
        }
      />

      <Card className="mb-6">
        <div className="flex flex-wrap items-center gap-3">
          <StateBadge state={d.state} replacedBy={d.replacedBy} />
          <span className="text-sm text-slate-600">
            Số {p.docNumber}
            {p.issuedOn ? ` · ngày ${formatDate(p.issuedOn)}` : ""}
            {p.submittedAt ? ` · trình ký lúc ${formatDateTime(p.submittedAt)}` : ""}
          </span>
        </div>
        {p.revision > 1 && (
          <p className="mt-3 rounded-md bg-brand-50 px-3 py-2 text-sm">
            Bản sửa đổi lần {p.revision - 1}
            {p.amends && (
              <>
                {" "}
                của <Link className="text-brand-700 underline" href={`${base}/${p.amends.id}`}>bản {p.amends.revision}</Link>
              </>
            )}
            . Lý do: {p.amendmentReason}
          </p>
        )}
        {p.amendedBy && (
          <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm">
            Kế hoạch này đã có <Link className="text-brand-700 underline" href={`${base}/${p.amendedBy.id}`}>bản sửa đổi (bản {p.amendedBy.revision})</Link>.
          </p>
        )}
        {p.copiedFrom && <p className="mt-2 text-sm text-slate-600">Sao chép từ kế hoạch năm học {p.copiedFrom.schoolYear.label}.</p>}
        {d.restated.map((r) => (
          <p key={`${r.sectionKey}:${r.sentence}`} role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            Mục “{r.sectionTitle}” chưa khớp với ngày họp liên tịch đã chọn ({r.expected}): “{r.sentence}”. Sửa câu này trước khi trình ký.
          </p>
        ))}
        <div className="mt-4 grid gap-3 sm:grid-cols-2">
          <Signature side={unitLevel ? "Công đoàn" : "Ban Chấp hành Công đoàn"} name={d.signers.union} at={p.unionSignedAt} />
          <Signature side={govLabel} name={d.signers.gov} at={p.govSignedAt} />
        </div>
        {d.actions.some((a) => a !== "edit" && a !== "comment") && (
          <div className="mt-4 flex flex-wrap items-start gap-3 no-print">
            {d.actions.includes("submit") && <TransitionForm planId={p.id} version={p.version} action="submit" label="Trình ký" confirm="Trình ký kế hoạch? Bản dự thảo sẽ bị khóa để hai bên ký." />}
            {d.actions.includes("sign_union") && (
              <TransitionForm planId={p.id} version={p.version} action="sign_union" label="Ký (công đoàn)" confirm="Ký kế hoạch thay mặt Ban Chấp hành Công đoàn?" />
            )}
            {d.actions.includes("sign_gov") && (
              <TransitionForm
                planId={p.id}
                version={p.version}
                action="sign_gov"
                label={unitLevel ? "Ghi nhận chữ ký cơ quan quản lý" : "Ký (nhà trường)"}
                confirm={unitLevel ? undefined : "Ký kế hoạch thay mặt nhà trường?"}
                askSignerName={unitLevel ? "Họ tên người ký của cơ quan quản lý" : undefined}
              />
            )}
            {d.actions.includes("withdraw") && <TransitionForm planId={p.id} version={p.version} action="withdraw" label="Rút về dự thảo" variant="secondary" />}
            {d.actions.includes("return") && <TransitionForm planId={p.id} version={p.version} action="return" label="Trả lại để sửa" variant="secondary" />}
            {d.actions.includes("amend") && <AmendForm planId={p.id} />}
          </div>
        )}
      </Card>

      {d.revisions.length > 1 && (
        <Card title="Các phiên bản" className="mb-6">
          <ol className="space-y-1 text-sm">
            {d.revisions.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2">
                {r.id === p.id ? <span className="font-semibold">Bản {r.revision}</span> : <Link className="text-brand-700 underline" href={`${base}/${r.id}`}>Bản {r.revision}</Link>}
                <StateBadge state={r.state} replacedBy={r.replacedBy} />
                {r.amendmentReason && <span className="text-slate-600">– {r.amendmentReason}</span>}
                {r.revision > 1 && (
                  <Link className="text-brand-700 underline" href={`${base}/${r.id}/so-sanh`}>
                    xem thay đổi so với bản {r.revision - 1}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </Card>
      )}

      {editable && (
        <Card title="Phần đầu văn bản" className="mb-4">
          <HeaderForm
            planId={p.id}
            version={p.version}
            govLabel={govLabel}
            values={{
              issuerParent: p.issuerParent,
              issuerName: p.issuerName,
              docNumber: p.docNumber,
              place: p.place,
              issuedOn: toDateInput(p.issuedOn),
              title: p.title,
              recipients: p.recipients,
              govSignerTitle: p.govSignerTitle,
              unionSignerTitle: p.unionSignerTitle,
              meetingDay: p.meetingDay,
            }}
          />
        </Card>
      )}
      {!editable && (
        <Card title="Trích yếu" className="mb-4">
          <p className="text-sm">{p.title}</p>
          <p className="mt-1 text-sm text-slate-600">Họp liên tịch định kỳ ngày {p.meetingDay} hằng tháng.</p>
        </Card>
      )}

      {sectionsBefore.map(renderSection)}

      <Card title="Lịch công việc phối hợp" className="mb-4">
        {editable ? (
          <div className="space-y-4">
            {p.items.map((i) => (
              <div key={i.id} className="rounded-md border border-slate-100 p-2">
                <ItemForm planId={p.id} item={{ id: i.id, version: i.version, month: i.month, onDate: toDateInput(i.onDate), content: i.content, leadSide: i.leadSide }} />
                <DeleteRowForm planId={p.id} rowId={i.id} version={i.version} kind="item" label={i.content} />
              </div>
            ))}
            <div className="rounded-md border border-dashed border-slate-300 p-2">
              <h3 className="mb-2 text-sm font-semibold">Thêm công việc</h3>
              <ItemForm planId={p.id} />
            </div>
          </div>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th className="py-2 pr-3">Thời gian</th>
                  <th className="py-2 pr-3">Nội dung công việc</th>
                  <th className="py-2">Chủ trì</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((i) => (
                  <tr key={i.id} className="border-b border-slate-100 align-top">
                    <td className="whitespace-nowrap py-2 pr-3">{i.onDate ? formatDate(i.onDate) : `Tháng ${i.month}/${yearOfSchoolMonth(startYear, i.month)}`}</td>
                    <td className="py-2 pr-3">{i.content}</td>
                    <td className="py-2">{sides[i.leadSide]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Comments list={comments("calendar")} planId={p.id} sectionKey="calendar" canComment={canComment} />
      </Card>

      <Card title="Chỉ tiêu phối hợp" className="mb-4">
        {editable ? (
          <div className="space-y-4">
            {p.targets.map((t) => (
              <div key={t.id} className="rounded-md border border-slate-100 p-2">
                <TargetForm planId={p.id} target={t} />
                <DeleteRowForm planId={p.id} rowId={t.id} version={t.version} kind="target" label={t.label} />
              </div>
            ))}
            <div className="rounded-md border border-dashed border-slate-300 p-2">
              <h3 className="mb-2 text-sm font-semibold">Thêm chỉ tiêu</h3>
              <TargetForm planId={p.id} />
            </div>
          </div>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th className="py-2 pr-3">Chỉ tiêu</th>
                  <th className="py-2 pr-3">Mức phấn đấu</th>
                  <th className="py-2 pr-3">Kết quả</th>
                  <th className="py-2">Đánh giá</th>
                </tr>
              </thead>
              <tbody>
                {p.targets.map((t) => {
                  const actual = targetActual(t, d.measures);
                  const met = targetMet(t, actual.value);
                  return (
                    <tr key={t.id} className="border-b border-slate-100 align-top">
                      <td className="py-2 pr-3">
                        {t.label}
                        <div className="text-xs text-slate-500">{isMeasureKey(t.measureKey) ? MEASURES[t.measureKey].label : t.measureKey}</div>
                      </td>
                      <td className="whitespace-nowrap py-2 pr-3">{formatTarget(t)}</td>
                      <td className="py-2 pr-3">
                        {actual.value === null ? (
                          <span className="text-slate-500">nhập tay – chưa có</span>
                        ) : (
                          <>
                            {t.unit === "PERCENT" ? formatPercent(actual.value, 2, true) : formatNumber(actual.value)} <span className="text-xs text-slate-500">{actual.live ? "(tự động)" : "(nhập tay)"}</span>
                          </>
                        )}
                      </td>
                      <td className="py-2">{met === null ? "—" : met ? <Badge tone="green">Đạt</Badge> : <Badge tone="red">Chưa đạt</Badge>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-2 text-xs text-slate-500">
          Kết quả được tính tự động khi ứng dụng có dữ liệu (đăng ký thi đua, danh hiệu, sáng kiến, phong trào nữ, kỷ luật); đến lúc đó kết quả được nhập tay.
        </p>
        <Comments list={comments("targets")} planId={p.id} sectionKey="targets" canComment={canComment} />
      </Card>

      {sectionsAfter.map(renderSection)}

      {editable && (
        <Card title="Bỏ bản dự thảo" className="mb-4 no-print">
          <p className="mb-3 text-sm text-slate-600">Xóa hẳn bản dự thảo này cùng các góp ý (chỉ khi chưa ký).</p>
          <DiscardForm planId={p.id} version={p.version} />
        </Card>
      )}
      {!editable && (
        <Card title="Nơi nhận" className="mb-4">
          <Body text={p.recipients} />
        </Card>
      )}
    </>
  );
}
