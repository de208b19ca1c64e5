import "server-only";
import type { z } from "zod";
import { requireViewer } from "../auth/viewer";
import type { Viewer } from "../authz/permissions";
import { AppError, ERROR_MESSAGES } from "./errors";

/** What every form action returns; forms show fieldErrors beside inputs and keep values. */
export type ActionState =
  | { ok: true; message?: string; data?: Record<string, unknown> }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined>; values?: Record<string, string> }
  | null;

function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/** Form fields as an object: empty strings become undefined so optional fields work. */
export function formObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of formData.entries()) {
    if (k.startsWith("$ACTION")) continue;
    out[k] = typeof v === "string" ? (v.trim() === "" ? undefined : v) : v;
  }
  return out;
}

/**
 * The steps every mutation takes (DESIGN.md): who → parse → (the handler checks may-they in its
 * scoped query, writes in a transaction, audits) → tell. Expected refusals come back as values;
 * anything else is thrown to error.tsx and never reaches the browser as text.
 */
export async function runAction<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  handler: (viewer: Viewer, input: z.output<S>) => Promise<ActionState | void>,
): Promise<ActionState> {
  const viewer = await requireViewer();
  // Actions are public POST endpoints: a caller may send anything, not just our form.
  if (!(formData instanceof FormData)) return { ok: false, message: ERROR_MESSAGES.INVALID };
  const parsed = schema.safeParse(formObject(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "_");
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, message: ERROR_MESSAGES.INVALID, fieldErrors, values: formValues(formData) };
  }
  try {
    return (await handler(viewer, parsed.data)) ?? { ok: true };
  } catch (e) {
    if (e instanceof AppError) {
      return { ok: false, message: e.userMessage, fieldErrors: e.fieldErrors, values: formValues(formData) };
    }
    throw e;
  }
}
