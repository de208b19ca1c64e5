import "server-only";
import { cache } from "react";
import { viewerKey, type Viewer } from "../authz/permissions";
// A short per-process memo for the small read models every page shows in its frame: the bell
// (what waits for the viewer, unread notices) and the menu's places. Without it each page paid
// ~11 extra queries for them (11 of a light page's 18–20; docs/decisions/0012-page-cost.md).
//
// Freshness: an entry lives at most `ttlMs`, and ANY write made through this server process (every
// server action, lib/server/action.ts; every upload route, lib/server/progress-upload.ts) drops
// them all at once, so what a person just did, or what a colleague just did on the same server,
// shows on the next page. With several app servers, a colleague's change made on another server
// shows within `ttlMs`. The pages themselves (lists, forms, decisions) always read live.
const g = globalThis as unknown as { __thiduaWriteGeneration?: number };

/** Called after every write path: every memo made before it is stale. */
export function noteWrite(): void {
  g.__thiduaWriteGeneration = (g.__thiduaWriteGeneration ?? 0) + 1;
}

/** How long the page frame (bell, menu places) may be reused without a write: 15 s. */
const FRAME_TTL_MS = 15_000;

/**
 * A page-frame read model per viewer: once per request (React's cache: the layout and the page
 * share it) and reused across the viewer's pages for FRAME_TTL_MS unless a write happened. The key
 * holds the viewer's exact roles (viewerKey), so a role change is never served another's frame.
 */
export function frameMemo<T>(name: string, load: (viewer: Viewer) => Promise<T>): (viewer: Viewer) => Promise<T> {
  return cache((viewer: Viewer) => briefly(`${name}:${viewerKey(viewer)}`, FRAME_TTL_MS, () => load(viewer)));
}

const MAX_ENTRIES = 5_000;
type Entry = { until: number; generation: number; value: Promise<unknown> };
const entries = new Map<string, Entry>();

/** `load()`'s result for `key`, reused for `ttlMs` unless a write happened since; a failure is not kept. */
export function briefly<T>(key: string, ttlMs: number, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const generation = g.__thiduaWriteGeneration ?? 0;
  const hit = entries.get(key);
  if (hit && hit.generation === generation && hit.until > now) return hit.value as Promise<T>;
  const value = load();
  const entry: Entry = { until: now + ttlMs, generation, value };
  entries.delete(key); // re-inserted last: the Map's order is the eviction order
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}

/** Tests: forget everything. */
export function clearBriefCache(): void {
  entries.clear();
}

export function briefCacheSize(): number {
  return entries.size;
}
