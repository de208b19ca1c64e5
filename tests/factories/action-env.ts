// Calling server actions from an integration test, outside Next (no request, no cookie): importing
// this module (before the test file imports any action, which it does with `await import(...)`)
// - points "@/lib/auth/viewer" at `current.viewer` (null = not signed in: requireViewer throws
//   "NEXT_REDIRECT /dang-nhap"),
// - makes next/cache's revalidatePath a no-op,
// - makes next/navigation's redirect throw an Error "NEXT_REDIRECT" carrying `to` (the address the
//   action sent the browser to) and notFound throw "NEXT_NOT_FOUND",
// - resets `current.viewer` to null before each test of the file.
// `form(...)` builds the FormData a form would post.
import { beforeEach, vi } from "vitest";
import type { Viewer } from "../../lib/authz/permissions";

/** Who the actions see as signed in; set it at the start of a test. */
export const current: { viewer: Viewer | null } = { viewer: null };

vi.mock("@/lib/auth/viewer", () => ({
  getViewer: async () => current.viewer,
  requireViewer: async () => {
    if (!current.viewer) throw new Error("NEXT_REDIRECT /dang-nhap");
    return current.viewer;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));

beforeEach(() => {
  current.viewer = null;
});

/** The FormData a form posts: one entry per field (a File for an upload). */
export function form(fields: Record<string, string | File>): FormData {
  const fd = new FormData();
  for (const [k, val] of Object.entries(fields)) fd.append(k, val);
  return fd;
}
