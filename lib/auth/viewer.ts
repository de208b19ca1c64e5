import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Viewer } from "../authz/permissions";
import { getDb } from "../server/db";
import { authOptions } from "./options";
import { loadViewer } from "./load-viewer";

// Test seam: integration tests call server actions outside Next (no request, no cookie) and
// say who is asking. Inert outside vitest (NODE_ENV is "production" in every build).
const seam = globalThis as unknown as { __thiduaTestViewer?: Viewer | null };

/** Tests only: the viewer every getViewer() returns from now on (null = anonymous; undefined = off). */
export function setViewerForTests(viewer: Viewer | null | undefined): void {
  if (process.env.NODE_ENV !== "test") throw new Error("setViewerForTests is for tests only");
  seam.__thiduaTestViewer = viewer;
}

/** Who is asking, once per request; null when not signed in or the session has ended. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  if (process.env.NODE_ENV === "test" && seam.__thiduaTestViewer !== undefined) return seam.__thiduaTestViewer;
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  if (!session?.sid) return null;
  return loadViewer(await getDb(), session.sid);
});

/** The viewer, or a redirect to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/dang-nhap");
  return viewer;
}
