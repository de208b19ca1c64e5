"use client";
// One server action as a form: hidden fields, visible fields (children, which may read the last
// result to keep typed values and show errors), a submit button that disables while pending,
// an optional confirmation, and the result message.
import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/server/action";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmissionKey } from "@/components/ui/submission-key";

export type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

export function ActionForm({
  action,
  hidden = {},
  label,
  pendingText = "Đang xử lý…",
  variant,
  confirm,
  children,
  className = "",
  once = false,
  inline = false,
}: {
  action: FormAction;
  hidden?: Record<string, string | number>;
  label: string;
  pendingText?: string;
  variant?: "primary" | "secondary" | "danger";
  confirm?: string;
  children?: ReactNode | ((state: ActionState) => ReactNode);
  className?: string;
  /** A create form: carries a per-render submission key (one record per submit). */
  once?: boolean;
  inline?: boolean;
}) {
  const [state, formAction] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? Object.values(state.fieldErrors ?? {}).flat().filter((x): x is string => !!x) : [];
  return (
    <form
      action={formAction}
      className={`${inline ? "flex flex-wrap items-end gap-2" : "flex flex-col gap-3"} ${className}`}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v)} />
      ))}
      {once && <SubmissionKey after={state} />}
      {typeof children === "function" ? children(state) : children}
      <div>
        <SubmitButton pendingText={pendingText} variant={variant}>
          {label}
        </SubmitButton>
      </div>
      {fieldErrors.length > 0 && typeof children !== "function" && (
        <ul className="text-sm text-red-700">
          {fieldErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <FormMessage state={state} />
    </form>
  );
}
