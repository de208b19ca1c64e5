// Signed documents are rendered once and then served from the cache keyed by the sha-256 of their
// content inputs; drafts are rendered every time and never stored; a change is a new document.
// The PDF renderer is wrapped to count how often it really runs.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO } from "@/lib/seed/demo";
import { canonicalJson, documentKey } from "@/lib/documents/cache";
import { renderAdminDocumentPdf } from "@/lib/documents/pdf";
import { getPlanDocument, getPlanPdf } from "@/lib/plans/export";
import { amendPlan, createPlan, transitionPlan, updateSection } from "@/lib/plans/mutations";
import type { TestDb } from "./harness";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";

vi.mock("@/lib/documents/pdf", async (importOriginal) => {
  const orig = await importOriginal<typeof import("@/lib/documents/pdf")>();
  return { ...orig, renderAdminDocumentPdf: vi.fn(orig.renderAdminDocumentPdf) };
});
const renders = () => vi.mocked(renderAdminDocumentPdf).mock.calls.length;

let t: TestDb;
let v: DemoViewers;
let dir: string;
let planId: string;
const owner = { schoolId: DEMO.schools.STA };
const files = () => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".pdf"));
const version = async (id = planId) => (await t.prisma.coordinationPlan.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "thidua-doc-cache-"));
  process.env.DOCUMENT_CACHE_DIR = dir;
  ({ t, v } = await openDemoDb());
  planId = (await createPlan(v.STA_PRINCIPAL, { schoolId: DEMO.schools.STA, schoolYearId: DEMO.years.Y2025, source: "template" })).id;
});
afterAll(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
  delete process.env.DOCUMENT_CACHE_DIR;
});

describe("document cache", () => {
  it("the key is the sha-256 of a canonical JSON: key order and Dates do not matter, content does", () => {
    expect(canonicalJson({ b: 1, a: [{ d: new Date(Date.UTC(2025, 8, 1)), c: undefined }] })).toBe('{"a":[{"d":"2025-09-01T00:00:00.000Z"}],"b":1}');
    expect(documentKey("plan", { a: 1, b: 2 })).toBe(documentKey("plan", { b: 2, a: 1 }));
    expect(documentKey("plan", { a: 1 })).not.toBe(documentKey("plan", { a: 2 }));
    expect(documentKey("plan", { a: 1 })).not.toBe(documentKey("decision", { a: 1 }));
    expect(documentKey("plan", { a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a draft is rendered on every request and never stored; a changed draft is a new document", async () => {
    const n = renders();
    const first = await getPlanPdf(v.STA_PRINCIPAL, owner, planId);
    await getPlanPdf(v.STA_PRINCIPAL, owner, planId);
    expect(renders()).toBe(n + 2);
    expect(files()).toEqual([]);
    expect(first.pdf.subarray(0, 5).toString()).toBe("%PDF-");

    const before = documentKey("plan", (await getPlanDocument(v.STA_PRINCIPAL, owner, planId)).doc);
    const s = await t.prisma.planSection.findFirstOrThrow({ where: { planId, key: "duties" } });
    await updateSection(v.STA_PRINCIPAL, { planId, sectionId: s.id, version: s.version, title: s.title, body: `${s.body}\n- Phối hợp tổ chức Hội nghị viên chức.` });
    const after = documentKey("plan", (await getPlanDocument(v.STA_PRINCIPAL, owner, planId)).doc);
    expect(after).not.toBe(before);
    await getPlanPdf(v.STA_PRINCIPAL, owner, planId);
    expect(renders()).toBe(n + 3);
    expect(files()).toEqual([]);
  });

  it("a signed plan is rendered once, stored under its content hash, and served from the cache to every reader", async () => {
    await transitionPlan(v.STA_PRINCIPAL, { planId, version: await version(), action: "submit" });
    await transitionPlan(v.STA_CHAIR, { planId, version: await version(), action: "sign_union" });
    await transitionPlan(v.STA_PRINCIPAL, { planId, version: await version(), action: "sign_gov" });

    const n = renders();
    const first = await getPlanPdf(v.STA_PRINCIPAL, owner, planId);
    expect(renders()).toBe(n + 1);
    const key = documentKey("plan", (await getPlanDocument(v.STA_PRINCIPAL, owner, planId)).doc);
    expect(files()).toEqual([path.join(key.slice(0, 2), `${key}.pdf`)]);
    expect(readFileSync(path.join(dir, key.slice(0, 2), `${key}.pdf`)).equals(first.pdf)).toBe(true);

    // The second request, another reader, and ten at once: no rendering, the same bytes.
    const again = await getPlanPdf(v.STA_PRINCIPAL, owner, planId);
    const member = await getPlanPdf(v.STA_MEMBER, owner, planId);
    const burst = await Promise.all(Array.from({ length: 10 }, () => getPlanPdf(v.STA_CHAIR, owner, planId)));
    expect(renders()).toBe(n + 1);
    for (const r of [again, member, ...burst]) expect(r.pdf.equals(first.pdf)).toBe(true);
  });

  it("ten requests at once for a document not yet cached render it once", async () => {
    rmSync(dir, { recursive: true, force: true });
    const n = renders();
    const burst = await Promise.all(Array.from({ length: 10 }, () => getPlanPdf(v.STA_CHAIR, owner, planId)));
    expect(renders()).toBe(n + 1);
    expect(new Set(burst.map((r) => r.pdf.toString("base64"))).size).toBe(1);
    expect(files()).toHaveLength(1);
  });

  it("a signed amendment is a new document with its own file; the original, now marked replaced, is a new document once", async () => {
    const rev2 = (await amendPlan(v.STA_PRINCIPAL, { planId, reason: "Bổ sung chỉ tiêu theo hướng dẫn mới của cấp trên." })).id;
    await transitionPlan(v.STA_PRINCIPAL, { planId: rev2, version: await version(rev2), action: "submit" });
    await transitionPlan(v.STA_PRINCIPAL, { planId: rev2, version: await version(rev2), action: "sign_gov" });
    await transitionPlan(v.STA_CHAIR, { planId: rev2, version: await version(rev2), action: "sign_union" });
    const n = renders();
    await getPlanPdf(v.STA_PRINCIPAL, owner, rev2);
    await getPlanPdf(v.STA_PRINCIPAL, owner, rev2);
    // Issue 11: the replaced version says it was replaced, by which version and when, so its
    // content (and key) changed: rendered once more, then served from the cache again.
    const replaced = await getPlanPdf(v.STA_PRINCIPAL, owner, planId);
    await getPlanPdf(v.STA_MEMBER, owner, planId);
    expect(renders()).toBe(n + 2);
    expect(files()).toHaveLength(3);
    expect(replaced.pdf.length).toBeGreaterThan(0);
  });
});
