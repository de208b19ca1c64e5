import "server-only";
import { notFound } from "next/navigation";
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

/** The shape of every id (cuid or demo id); route params and query strings are checked against it. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Route params are input too: an id that is not an id is a 404. */
export function routeId(v: string | undefined): string {
  if (!v || !ID_PATTERN.test(v)) notFound();
  return v;
}

/** An optional id in the query string (?nam=…, ?truong=…): anything that is not an id is ignored. */
export function idParam(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s && ID_PATTERN.test(s) ? s : undefined;
}

/** ?trang=N, clamped to 1..10000. */
export function pageParam(v: string | string[] | undefined): number {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n >= 1 && n <= 10000 ? n : 1;
}

/** C0 control characters and DEL (NUL makes PostgreSQL fail with 22021: a 500, not an answer). */
const CONTROLS = /[\u0000-\u001f\u007f]+/g;

/**
 * The one way to read free text from the query string (?q=…, ?trang-thai=…), in pages and route
 * handlers alike: the first value, control characters replaced by a space, NFC, trimmed, at most
 * `max` characters; nothing left → undefined.
 */
export function textParam(v: string | string[] | null | undefined, max = 100): string | undefined {
  const raw = Array.isArray(v) ? v[0] : v;
  if (typeof raw !== "string") return undefined;
  const s = raw.replace(CONTROLS, " ").normalize("NFC").trim().slice(0, max).trim();
  return s || undefined;
}
