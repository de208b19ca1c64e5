import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Viewer } from "../authz/permissions";
import { getDb } from "../server/db";
import { authOptions } from "./options";
import { loadViewer } from "./load-viewer";

/** Who is asking, once per request; null when not signed in or the session has ended. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
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
