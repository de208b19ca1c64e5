import "server-only";
// Signed, sealed and issued documents (a signed plan, closed minutes, an issued decision and its
// certificates) never change: each is rendered once and then served from a file named by the
// sha-256 of its content inputs — a canonical JSON of exactly the data the PDF is drawn from
// (the AdminDocument, the certificate pages) plus the renderer's layout version. A changed input
// is a new key, so a stale file can never be served for changed data; drafts are never cached.
//
// Files live in DOCUMENT_CACHE_DIR (default .data/documents/), written to a temporary name and
// renamed, so a reader never sees half a file. Concurrent requests for the same document share
// one rendering (the PDF renderer is CPU-heavy: without this, 50 people opening a freshly signed
// plan would render it 50 times). Nothing is kept in memory beyond the renderings in flight.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AdminDocument } from "./types";
import { renderAdminDocumentPdf } from "./pdf";

/**
 * Bump when the drawing of a document changes (lib/documents/pdf.ts, lib/awards/certificate.ts)
 * and already issued documents should be drawn again; otherwise a signed document keeps the look
 * it had when it was first printed.
 */
export const DOCUMENT_LAYOUT_VERSION = 1;

/** Counts since start (tests and the bench read them). */
export const documentCacheStats = { renders: 0, hits: 0, shared: 0 };

const inFlight = new Map<string, Promise<Buffer>>();

/**
 * At most this many renderings at once: each parses four TrueType fonts and holds its pages, so
 * fifty at once took the server's memory past a gigabyte and every one of them took seconds.
 */
const MAX_RENDERS = 2;
let rendering = 0;
const queue: (() => void)[] = [];

async function limited<T>(render: () => Promise<T>): Promise<T> {
  if (rendering < MAX_RENDERS) rendering++;
  else await new Promise<void>((resume) => queue.push(resume)); // the slot is handed over
  try {
    return await render();
  } finally {
    const next = queue.shift();
    if (next) next();
    else rendering--;
  }
}

export function documentCacheDir(): string {
  return path.resolve(process.env.DOCUMENT_CACHE_DIR ?? path.join(process.cwd(), ".data", "documents"));
}

/** JSON with object keys sorted at every level; Dates as ISO strings; undefined members dropped. */
export function canonicalJson(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : norm(x)));
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) out[k] = norm(x);
      }
      return out;
    }
    if (typeof v === "bigint") return v.toString();
    return v;
  };
  return JSON.stringify(norm(value));
}

/** The cache key of a document: sha-256 (hex) of its kind, layout version and content inputs. */
export function documentKey(kind: string, input: unknown): string {
  return createHash("sha256").update(canonicalJson({ kind, layout: DOCUMENT_LAYOUT_VERSION, input })).digest("hex");
}

function fileFor(key: string): string {
  return path.join(documentCacheDir(), key.slice(0, 2), `${key}.pdf`);
}

async function store(file: string, bytes: Buffer): Promise<void> {
  const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, bytes, { mode: 0o600 });
    await rename(tmp, file);
  } catch (e) {
    // A full or read-only disk must not fail the download: the document is served, just not kept.
    await unlink(tmp).catch(() => {});
    console.error(`document cache: could not store ${path.basename(file)}: ${e instanceof Error ? e.message : e}`);
  }
}

/**
 * The document's bytes: from the cache when `final` (signed, sealed, issued) and rendered
 * before, else rendered (and stored when final). Drafts (`final` false) are always rendered.
 */
export async function cachedDocument(kind: string, input: unknown, final: boolean, render: () => Promise<Buffer>): Promise<Buffer> {
  if (!final) {
    documentCacheStats.renders++;
    return limited(render);
  }
  const key = documentKey(kind, input);
  const file = fileFor(key);
  try {
    const bytes = await readFile(file);
    documentCacheStats.hits++;
    return bytes;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const running = inFlight.get(key);
  if (running) {
    documentCacheStats.shared++;
    return running;
  }
  const job = (async () => {
    documentCacheStats.renders++;
    const bytes = await limited(render);
    await store(file, bytes);
    return bytes;
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, job);
  return job;
}

/** An administrative document (plan, minutes, decision…) as PDF, cached when final. */
export function adminDocumentPdf(kind: string, doc: AdminDocument, final: boolean): Promise<Buffer> {
  return cachedDocument(kind, doc, final, () => renderAdminDocumentPdf(doc));
}
