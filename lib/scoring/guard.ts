import "server-only";
// The action wrapper for scoring, campaigns and evidence: refused before parsing for a viewer who
// holds none of the capabilities anywhere (nothing sent is echoed back); the mutation still checks
// the row's scope in its own query.
import type { z } from "zod";
import { runAction, type ActionState } from "../server/action";
import { requireViewer } from "../auth/viewer";
import { canSome, type Capability, type Viewer } from "../authz/permissions";
import { ERROR_MESSAGES } from "../server/errors";

export async function guarded<S extends z.ZodType>(caps: Capability[], formData: FormData, schema: S, handler: (viewer: Viewer, input: z.output<S>) => Promise<ActionState | void>): Promise<ActionState> {
  const viewer = await requireViewer();
  if (!caps.some((c) => canSome(viewer, c))) return { ok: false, message: ERROR_MESSAGES.FORBIDDEN };
  return runAction(formData, schema, handler);
}
