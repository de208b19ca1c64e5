import "server-only";
import type { z } from "zod";
import { requireViewer } from "../auth/viewer";
import type { Viewer } from "../authz/permissions";
import { AppError, ERROR_MESSAGES } from "./errors";
import { noteWrite } from "./brief-cache";

/**
 * What every form action returns; forms show fieldErrors beside inputs and keep values
 * (components/ui/form-errors.tsx puts back what a refused submit sent, focuses the first failing
 * field). `values` holds each field's (last) value; `lists` every value of a field sent more than
 * once (a group of checkboxes).
 */
export type ActionState =
  | { ok: true; message?: string; data?: Record<string, unknown> }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined>; values?: Record<string, string>; lists?: Record<string, string[]> }
  | null;

function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

function formLists(formData: FormData): Record<string, string[]> | undefined {
  let out: Record<string, string[]> | undefined;
  for (const k of new Set(formData.keys())) {
    if (k.startsWith("$ACTION")) continue;
    const all = formData.getAll(k).filter((v): v is string => typeof v === "string");
    if (all.length > 1) (out ??= {})[k] = all;
  }
  return out;
}

/** What a refused submit returns: the message, the field errors and everything that was sent. */
function refused(formData: FormData, message: string, fieldErrors?: Record<string, string[] | undefined>): ActionState {
  const lists = formLists(formData);
  return { ok: false, message, fieldErrors, values: formValues(formData), ...(lists ? { lists } : {}) };
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
      // "_": an issue about the whole form; FormMessage lists messages that have no field slot.
      const key = String(issue.path[0] ?? "_");
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return refused(formData, ERROR_MESSAGES.INVALID, fieldErrors);
  }
  try {
    return (await handler(viewer, parsed.data)) ?? { ok: true };
  } catch (e) {
    if (e instanceof AppError) {
      return refused(formData, e.userMessage, e.fieldErrors);
    }
    throw e;
  } finally {
    // Whatever the handler wrote (a redirect is a throw too): the page frame's memos are stale.
    noteWrite();
  }
}
