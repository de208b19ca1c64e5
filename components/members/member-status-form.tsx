"use client";
import { useActionState } from "react";
import { changeMemberStatusAction } from "@/lib/members/actions";
import { STATUS_CHANGES } from "@/lib/members/rules";
import type { MemberStatus } from "@/lib/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/** The explicit status changes allowed from the current status; "đã nghỉ việc" asks first. */
export function MemberStatusForm({ memberId, version, status, fullName }: { memberId: string; version: number; status: MemberStatus; fullName: string }) {
  const [state, formAction, pending] = useActionState(changeMemberStatusAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap gap-2">
        {STATUS_CHANGES[status].map((c) => (
          <Button
            key={c.to}
            type="submit"
            name="status"
            value={c.to}
            disabled={pending}
            variant={c.to === "LEFT" ? "danger" : "secondary"}
            onClick={(e) => {
              if (c.to === "LEFT" && !window.confirm(`Ghi nhận ${fullName} đã nghỉ việc? Hồ sơ vẫn được giữ lại và có thể khôi phục.`)) e.preventDefault();
            }}
          >
            {c.label}
          </Button>
        ))}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
