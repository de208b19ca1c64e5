"use client";
// "Đã hoàn thành": the member responsible for a joint meeting's task (or the principal / union
// chair) records it done when it is done, without waiting for the next meeting.
import { useActionState } from "react";
import { completeTaskAction } from "@/lib/meetings/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function TaskDoneForm({ taskId, version }: { taskId: string; version: number }) {
  const [state, action] = useActionState(completeTaskAction, null);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pendingText="Đang ghi…">Đánh dấu đã hoàn thành</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
