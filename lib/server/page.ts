import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AppError } from "./errors";

/** For pages: an AppError NOT_FOUND/FORBIDDEN becomes the Vietnamese 404 page. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  }
}

const idParam = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** Route params are input too: an id that is not an id is a 404. */
export function routeId(v: string | undefined): string {
  const r = idParam.safeParse(v);
  if (!r.success) notFound();
  return r.data;
}

/** ?trang=N, clamped to 1..10000. */
export function pageParam(v: string | string[] | undefined): number {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n >= 1 && n <= 10000 ? n : 1;
}

export function textParam(v: string | string[] | undefined, max = 100): string | undefined {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s.slice(0, max) : undefined;
}
