"use client";
import { useActionState } from "react";
import { moveMemberAction } from "@/lib/members/actions";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** Chuyển tổ công đoàn: groups of the same school only (checked again on the server). */
export function MoveMemberForm({ memberId, version, unionGroupId, groups }: { memberId: string; version: number; unionGroupId: string; groups: { id: string; name: string }[] }) {
  const [state, formAction] = useActionState(moveMemberAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form key={failed ? JSON.stringify(failed.values) : `v${version}`} action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <Field name="unionGroupId" label="Tổ công đoàn" errors={failed?.fieldErrors?.unionGroupId}>
            <select {...fieldProps("unionGroupId", failed, unionGroupId)}>
              <option value="">— Chưa xếp tổ —</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="pb-[1px]">
          <SubmitButton pendingText="Đang chuyển…">Chuyển tổ</SubmitButton>
        </div>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
