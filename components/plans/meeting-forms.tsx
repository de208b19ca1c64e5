"use client";
// Forms of the joint-meeting pages (principal and union chair).
import { useActionState } from "react";
import { addTaskAction, createMeetingAction, followUpTaskAction, generateMeetingsAction, meetingStateAction, saveMinutesAction } from "@/lib/meetings/actions";
import { ATTENDEE_ROLE_LABELS, MEETING_KIND_LABELS } from "@/lib/meetings/rules";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Input, Select, SIDE_OPTIONS, failedOf, useResetKey } from "./plan-forms";
import { SubmissionKey } from "@/components/ui/submission-key";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";

export function GenerateMeetingsForm({ schoolId, schoolYearId, day }: { schoolId: string; schoolYearId: string; day: number }) {
  const [state, action] = useActionState(generateMeetingsAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="schoolYearId" value={schoolYearId} />
      <p className="text-sm text-slate-600">Theo chế độ họp của kế hoạch phối hợp: ngày {day} hằng tháng (trùng thứ Bảy, Chủ nhật, ngày nghỉ lễ hoặc Tết thì chuyển sang ngày làm việc kế tiếp).</p>
      <div>
        <SubmitButton pendingText="Đang lập…">Lập lịch họp định kỳ cả năm</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

const EXTRA_KINDS: [string, string][] = (["DISCIPLINE", "REWARD", "WELFARE", "MOVEMENT", "OTHER"] as const).map((k) => [k, MEETING_KIND_LABELS[k]]);

export function CreateMeetingForm({ schoolId, schoolYearId }: { schoolId: string; schoolYearId: string }) {
  const [state, action] = useActionState(createMeetingAction, null);
  const failed = failedOf(state);
  const f = "meeting-new";
  return (
    <form key={failed ? JSON.stringify(failed.values) : "new"} action={action} noValidate className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="schoolId" value={schoolId} />
      <SubmissionKey after={state} />
      <input type="hidden" name="schoolYearId" value={schoolYearId} />
      <Select form={f} name="kind" label="Loại cuộc họp" failed={failed} value="DISCIPLINE" options={EXTRA_KINDS} />
      <Input form={f} name="scheduledOn" label="Ngày họp" type="date" failed={failed} />
      <Input form={f} name="title" label="Tên cuộc họp (để trống: tự đặt)" failed={failed} maxLength={200} className="sm:col-span-2" />
      <Input form={f} name="agenda" label="Nội dung dự kiến" failed={failed} multiline rows={2} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <SubmitButton pendingText="Đang thêm…">Thêm cuộc họp bất thường</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export interface MinutesValues {
  heldOn: string;
  heldTime: string;
  location: string;
  docNumber: string;
  chairName: string;
  secretaryName: string;
  attendees: Record<"principal" | "partySecretary" | "unionChair" | "youthUnion" | "pioneerLeader", { name: string; present: boolean }>;
  others: string;
  agenda: string;
  discussion: string;
  decisions: string;
}

const FIXED: ["principal" | "partySecretary" | "unionChair" | "youthUnion" | "pioneerLeader", keyof typeof ATTENDEE_ROLE_LABELS][] = [
  ["principal", "PRINCIPAL"],
  ["partySecretary", "PARTY_SECRETARY"],
  ["unionChair", "UNION_CHAIR"],
  ["youthUnion", "YOUTH_UNION"],
  ["pioneerLeader", "PIONEER_LEADER"],
];

/** Biên bản: thời gian, thành phần, nội dung, ý kiến, kết luận. */
export function MinutesForm({ meetingId, version, values }: { meetingId: string; version: number; values: MinutesValues }) {
  const [state, action] = useActionState(saveMinutesAction, null);
  const failed = failedOf(state);
  const f = "minutes";
  return (
    <form key={failed ? JSON.stringify(failed.values) : `v${version}`} action={action} noValidate className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <Input form={f} name="heldOn" label="Ngày họp" type="date" failed={failed} value={values.heldOn} />
      <Input form={f} name="heldTime" label="Giờ bắt đầu" type="time" failed={failed} value={values.heldTime} />
      <Input form={f} name="location" label="Địa điểm" failed={failed} value={values.location} maxLength={200} />
      <Input form={f} name="docNumber" label="Số biên bản" failed={failed} value={values.docNumber} maxLength={60} hint="Ví dụ: 01/BB-LT" />
      <Input form={f} name="chairName" label="Chủ trì" failed={failed} value={values.chairName} maxLength={120} />
      <Input form={f} name="secretaryName" label="Thư ký" failed={failed} value={values.secretaryName} maxLength={120} />
      <fieldset className="rounded-md border border-slate-200 p-3 sm:col-span-2">
        <legend className="px-1 text-sm font-medium text-slate-700">Thành phần dự họp</legend>
        <div className="grid gap-2">
          {FIXED.map(([key, role]) => (
            <div key={key} className="grid items-end gap-2 sm:grid-cols-[1fr_auto]">
              <Input form={f} name={`${key}Name`} label={ATTENDEE_ROLE_LABELS[role]} failed={failed} value={values.attendees[key].name} maxLength={120} />
              <label className="flex items-center gap-2 pb-2 text-sm">
                <input type="checkbox" name={`${key}Present`} defaultChecked={failed ? failed.values?.[`${key}Present`] === "on" : values.attendees[key].present} /> Có mặt
              </label>
            </div>
          ))}
          <Input form={f} name="others" label="Thành phần khác (mỗi dòng: Họ tên – chức vụ)" failed={failed} value={values.others} multiline rows={2} />
        </div>
      </fieldset>
      <Input form={f} name="agenda" label="Nội dung cuộc họp" failed={failed} value={values.agenda} multiline rows={4} className="sm:col-span-2" />
      <Input form={f} name="discussion" label="Ý kiến thảo luận" failed={failed} value={values.discussion} multiline rows={3} className="sm:col-span-2" />
      <Input form={f} name="decisions" label="Kết luận" failed={failed} value={values.decisions} multiline rows={4} className="sm:col-span-2" />
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton>Lưu biên bản</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function MeetingStateForm({ meetingId, version, action: what }: { meetingId: string; version: number; action: "close" | "cancel" }) {
  const [state, action] = useActionState(meetingStateAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={what} />
      <div>
        {what === "close" ? (
          <ConfirmSubmit label="Chốt biên bản" title="Chốt biên bản?" message="Sau khi chốt, biên bản không sửa được nữa." variant="primary" />
        ) : (
          <ConfirmSubmit label="Hủy cuộc họp" title="Hủy cuộc họp này?" confirmLabel="Hủy cuộc họp" variant="danger" triggerVariant="secondary" />
        )}
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Giao nhiệm vụ: nội dung, người thực hiện, bên phụ trách, thời hạn. */
export function AddTaskForm({ meetingId }: { meetingId: string }) {
  const [state, action] = useActionState(addTaskAction, null);
  const failed = failedOf(state);
  const reset = useResetKey(state);
  const f = "task-new";
  return (
    <form key={failed ? JSON.stringify(failed.values) : `t-${reset}`} action={action} noValidate className="grid gap-2 sm:grid-cols-[1fr_12rem_10rem_10rem_auto] sm:items-start">
      <input type="hidden" name="meetingId" value={meetingId} />
      <SubmissionKey after={state} />
      <Input form={f} name="content" label="Nhiệm vụ" failed={failed} maxLength={500} />
      <Input form={f} name="ownerName" label="Người thực hiện" failed={failed} maxLength={120} />
      <Select form={f} name="ownerSide" label="Bên phụ trách" failed={failed} value="BOTH" options={SIDE_OPTIONS} />
      <Input form={f} name="dueOn" label="Hạn hoàn thành" type="date" failed={failed} />
      <div className="sm:pt-6">
        <SubmitButton variant="secondary">Giao nhiệm vụ</SubmitButton>
      </div>
      <div className="sm:col-span-5">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** Kiểm điểm một nhiệm vụ tại cuộc họp này. */
export function FollowUpForm({ task, meetingId }: { task: { id: string; version: number; status: string; followUp: string | null }; meetingId: string }) {
  const [state, action] = useActionState(followUpTaskAction, null);
  const failed = failedOf(state);
  const f = `fu-${task.id}`;
  return (
    <form key={failed ? JSON.stringify(failed.values) : `v${task.version}`} action={action} noValidate className="grid gap-2 sm:grid-cols-[12rem_1fr_auto] sm:items-start">
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <Select
        form={f}
        name="status"
        label="Kết quả"
        failed={failed}
        value={task.status}
        options={[
          ["OPEN", "Đang thực hiện"],
          ["DONE", "Đã hoàn thành"],
          ["CANCELLED", "Không thực hiện"],
        ]}
      />
      <Input form={f} name="followUp" label="Ghi chú kết quả" failed={failed} value={task.followUp} maxLength={1000} />
      <div className="sm:pt-6">
        <SubmitButton variant="secondary">Ghi kết quả</SubmitButton>
      </div>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
