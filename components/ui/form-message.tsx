"use client";
import { useRef } from "react";
import type { ActionState } from "@/lib/server/action";
import { useFormErrorFeedback } from "./form-errors";

/**
 * The form-level message of an action result (success or refusal). Inside a form it also keeps
 * the typed values, marks the failing fields and moves focus to the first one
 * (components/ui/form-errors.tsx); a field error with no place beside its field is listed here.
 */
export function FormMessage({ state }: { state: ActionState }) {
  const anchor = useRef<HTMLSpanElement>(null);
  useFormErrorFeedback(state, anchor);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const failing = Object.keys(errors ?? {}).filter((k) => errors?.[k]?.length);
  return (
    <>
      <span ref={anchor} hidden />
      {state?.message ? (
        <p role={state.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          {state.message}
        </p>
      ) : null}
      {/* Shown only for a field with no place beside it for its message (form-errors.tsx). */}
      {failing.length > 0 ? (
        <ul data-form-orphans="" hidden className="text-sm text-red-700">
          {failing.map((name) => (
            <li key={name} data-form-orphan={name} hidden>
              {errors?.[name]?.join(" ")}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
