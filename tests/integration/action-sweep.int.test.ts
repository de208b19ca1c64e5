// The server-action sweep with VALID payloads (SECURITY.md: every exported "use server" function
// is a public endpoint). Every action found by reading the "use server" files is called with its
// fixture (tests/factories/action-fixtures.ts: a valid form aimed at a real row of TH Sơn Thủy A /
// Công đoàn Giáo dục huyện Sơn Thủy) as
//   (a) anonymous, (b) a plain member of the school (doanvien.sta), (c) a user of the other school
//   of the same unit (chutich.kd / hieutruong.kd), (d) the staff of the other upper unit
//   (congdoan.bs),
// and must be refused by authorisation (sign-in redirect, 404, FORBIDDEN / NOT_FOUND — never a
// validation error), with every table's rows (count and content) unchanged. Then the same form
// from the rightful account must succeed: that proves the payload was valid, so the refusals
// came from authorisation. Runs on PostgreSQL (DATABASE_URL) and on PGlite alike.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Outside Next: redirect()/notFound() throw markers the sweep recognises; the caches and the
// request headers are stubs (the viewer comes from the seam in lib/auth/viewer.ts).
class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}
class NotFoundSignal extends Error {
  constructor() {
    super("notFound");
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new RedirectSignal(url);
  },
  permanentRedirect: (url: string) => {
    throw new RedirectSignal(url);
  },
  notFound: () => {
    throw new NotFoundSignal();
  },
  forbidden: () => {
    throw new NotFoundSignal();
  },
  unauthorized: () => {
    throw new RedirectSignal("/dang-nhap");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "action-sweep", "x-forwarded-for": "127.0.0.1" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

import { setViewerForTests } from "@/lib/auth/viewer";
import { ERROR_MESSAGES } from "@/lib/server/errors";
import { DEMO } from "@/lib/seed/demo";
import type { Viewer } from "@/lib/authz/permissions";
import type { TestDb } from "./harness";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import { ACTION_FIXTURES, formOf, KEYED_ACTIONS, mustRefuse, wrongCallers, type FixtureContext } from "../factories/action-fixtures";

const ROOT = path.resolve(__dirname, "../..");

/** Every file under lib/, app/ and components/ whose first statement is "use server" (after comments, as gate-coverage reads it), repo-relative. */
function serverActionFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(name) && /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*|\s)*["']use server["']/.test(readFileSync(p, "utf8"))) out.push(path.relative(ROOT, p));
    }
  };
  walk(path.join(ROOT, "lib"));
  walk(path.join(ROOT, "app"));
  walk(path.join(ROOT, "components"));
  return out.sort();
}

/** The exported names of a file, read from its text (what Next turns into public endpoints). */
function exportedNames(file: string): string[] {
  const src = readFileSync(path.join(ROOT, file), "utf8");
  const names = new Set<string>();
  for (const m of src.matchAll(/^export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z0-9_$]+)/gm)) names.add(m[1]);
  for (const m of src.matchAll(/^export\s+(?:const|let|var)\s+([A-Za-z0-9_$]+)/gm)) names.add(m[1]);
  for (const m of src.matchAll(/^export\s*\{([^}]*)\}/gm))
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && !name.startsWith("type ")) names.add(name);
    }
  if (/^export\s+default\b/m.test(src)) names.add("default");
  return [...names].sort();
}

const FILES = serverActionFiles();
const FOUND = FILES.flatMap((f) => exportedNames(f).map((n) => `${f}#${n}`));

type Outcome =
  | { kind: "redirect"; url: string }
  | { kind: "notFound" }
  | { kind: "state"; state: { ok: boolean; message?: string; fieldErrors?: Record<string, unknown> } | null }
  | { kind: "threw"; error: unknown };

let t: TestDb;
let v: DemoViewers;
const modules = new Map<string, Record<string, unknown>>();
const swept = new Set<string>();
const refusals = { count: 0 };
const rightfulOk = new Set<string>();
const resubmitted = new Set<string>();
let tables: string[] = [];

async function call(key: string, as: Viewer | null, form: FormData, args?: unknown[]): Promise<Outcome> {
  const [file, name] = key.split("#");
  const fn = modules.get(file)?.[name];
  if (typeof fn !== "function") throw new Error(`${key} is not an exported function`);
  setViewerForTests(as);
  try {
    const state = await (fn as (...a: unknown[]) => Promise<unknown>)(...(args ?? [null, form]));
    return { kind: "state", state: state as Extract<Outcome, { kind: "state" }>["state"] };
  } catch (e) {
    if (e instanceof RedirectSignal) return { kind: "redirect", url: e.url };
    if (e instanceof NotFoundSignal) return { kind: "notFound" };
    return { kind: "threw", error: e };
  } finally {
    setViewerForTests(undefined);
  }
}

const describeOutcome = (o: Outcome) =>
  o.kind === "threw" ? `threw ${o.error instanceof Error ? `${o.error.name}: ${o.error.message}` : String(o.error)}` : JSON.stringify(o);

/** Refused by authorisation: sign-in redirect (anonymous), 404, or FORBIDDEN / NOT_FOUND with no field errors. */
function refusedByAuthorisation(o: Outcome, anonymous: boolean): boolean {
  if (o.kind === "redirect") return anonymous ? o.url.startsWith("/dang-nhap") : false;
  if (o.kind === "notFound") return !anonymous;
  if (o.kind !== "state" || !o.state || o.state.ok) return false;
  if (o.state.fieldErrors && Object.keys(o.state.fieldErrors).length) return false;
  return o.state.message === ERROR_MESSAGES.FORBIDDEN || o.state.message === ERROR_MESSAGES.NOT_FOUND;
}

/** The form failed the action's schema (the wrapper's generic "invalid" answer). */
const invalidForm = (o: Outcome) => o.kind === "state" && !!o.state && !o.state.ok && o.state.message === ERROR_MESSAGES.INVALID;

/** Every table's row count and content digest, in one statement. */
async function snapshot(): Promise<Record<string, string>> {
  const cols = tables.map((name) => `'${name}', (SELECT count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "${name}" x)`);
  // A function takes at most 100 arguments: one jsonb object per 40 tables, merged.
  const parts: string[] = [];
  for (let i = 0; i < cols.length; i += 40) parts.push(`jsonb_build_object(${cols.slice(i, i + 40).join(", ")})`);
  const rows = await t.sql.query<{ s: Record<string, string> }>(`SELECT (${parts.join(" || ")})::text AS s`);
  const s = rows[0].s;
  return typeof s === "string" ? JSON.parse(s) : s;
}

function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  return tables
    .filter((name) => before[name] !== after[name])
    .map((name) => {
      const [b, a] = [before[name].split(":")[0], after[name].split(":")[0]];
      return b === a ? `${name}: content of ${a} rows changed` : `${name}: ${b}→${a} rows`;
    });
}

/** Tables whose row count went up (only counts; the audit tables are every write's, not a record). */
const LOG_TABLES = new Set(["AuditLog", "AuditSeal", "IdempotencyKey", "SignInThrottle", "Session"]);
function grown(before: Record<string, string>, after: Record<string, string>): string[] {
  const n = (x: string) => Number(x.split(":")[0]);
  return tables.filter((t) => n(after[t]) > n(before[t])).map((t) => `${t} +${n(after[t]) - n(before[t])}`);
}
const createdRecords = (before: Record<string, string>, after: Record<string, string>) => grown(before, after).filter((g) => !LOG_TABLES.has(g.split(" ")[0]));
/** The form carries a one-time submission key (components/ui/submission-key.tsx, or the older idempotencyKey). */
const keyed = (fields: Record<string, unknown>) => "submissionKey" in fields || "idempotencyKey" in fields;

const ctx: FixtureContext = {
  get db() {
    return t.prisma;
  },
  async act(key, as, fields) {
    const o = await call(key, v[as], formOf(fields));
    const ok = (o.kind === "state" && o.state?.ok) || (o.kind === "redirect" && !o.url.startsWith("/dang-nhap"));
    if (!ok) throw new Error(`preparing with ${key} as ${DEMO.emails[as]} failed: ${describeOutcome(o)}`);
  },
};

beforeAll(async () => {
  ({ t, v } = await openDemoDb({ scoring: true, awards: true }));
  tables = (await t.sql.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`)).map((r) => r.tablename);
  for (const file of FILES) modules.set(file, (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>);
}, 300_000);

afterAll(async () => {
  setViewerForTests(undefined);
  await t?.drop();
});

describe("every exported server action has a fixture", () => {
  it("finds the \"use server\" files and their exports", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(14);
    expect(FOUND.length).toBeGreaterThanOrEqual(89);
  });

  it("has a valid-payload fixture for every exported action (a new action needs one)", () => {
    const missing = FOUND.filter((k) => !(k in ACTION_FIXTURES));
    expect(missing, "add a fixture in tests/factories/action-fixtures.ts").toEqual([]);
  });

  it("has no fixture for an action that no longer exists", () => {
    expect(Object.keys(ACTION_FIXTURES).filter((k) => !FOUND.includes(k))).toEqual([]);
  });

  it("what the files export is what the modules export (nothing hidden from the sweep)", () => {
    const runtime = [...modules].flatMap(([file, mod]) => Object.entries(mod).filter(([, x]) => typeof x === "function").map(([n]) => `${file}#${n}`));
    expect(runtime.sort()).toEqual([...FOUND].sort());
  });
});

describe("each action refuses the wrong callers, with a valid payload, and changes nothing", () => {
  for (const [key, fx] of Object.entries(ACTION_FIXTURES)) {
    it(`${key}`, async () => {
      const fields = await fx.fields(ctx);
      const form = () => formOf(fields);
      const args = fx.args ? await fx.args(ctx) : undefined;
      const before = await snapshot();
      const problems: string[] = [];
      for (const who of wrongCallers(fx)) {
        if (!mustRefuse(fx, who)) {
          // Works on the caller's own account only (or is a sign-in step): no one else's row to
          // aim at. The payload must still pass validation for every caller.
          const o = await call(key, who === "anonymous" ? null : v[who], form(), args);
          if (invalidForm(o)) problems.push(`${who}: validation error ${describeOutcome(o)}`);
          continue;
        }
        const o = await call(key, who === "anonymous" ? null : v[who], form(), args);
        if (!refusedByAuthorisation(o, who === "anonymous")) problems.push(`${who}: not refused by authorisation: ${describeOutcome(o)}`);
        else refusals.count++;
        const diff = changed(before, await snapshot());
        if (diff.length) problems.push(`${who}: changed ${diff.join(", ")}`);
      }
      swept.add(key);
      expect(problems, `${key} as a wrong caller`).toEqual([]);

      // The same payload from the rightful account: proves it was valid.
      const o = await call(key, v[fx.rightful], form(), args);
      const ok = (o.kind === "state" && o.state?.ok === true) || (o.kind === "redirect" && !o.url.startsWith("/dang-nhap"));
      if (fx.rightfulRefusal) {
        // A listed exception: the rightful call is refused for a domain reason, never for the form.
        expect(o.kind === "state" && !!o.state && !o.state.ok && !invalidForm(o), `${key} as ${fx.rightful}: ${describeOutcome(o)}`).toBe(true);
      } else {
        expect(ok, `${key} as ${DEMO.emails[fx.rightful]} (rightful) should succeed: ${describeOutcome(o)}`).toBe(true);
        rightfulOk.add(key);
        // Sent again (a double click, back and resubmit): whatever created a record creates
        // nothing more. A form with the page's one-time key (lib/server/submission.ts) gets the
        // first answer back without running again; without a key, the repeat must be refused or
        // find nothing left to do (a unique row, a version already moved on).
        const created = createdRecords(before, await snapshot());
        if (created.length || keyed(fields)) {
          const mid = await snapshot();
          const again = await call(key, v[fx.rightful], form(), args);
          const after = await snapshot();
          if (keyed(fields)) {
            const same = (again.kind === "state" && again.state?.ok === true) || (again.kind === "redirect" && !again.url.startsWith("/dang-nhap"));
            expect(same, `${key} sent again with the same key answers like the first: ${describeOutcome(again)}`).toBe(true);
            expect(grown(mid, after).filter((g) => !g.startsWith("IdempotencyKey")), `${key} sent again with the same key changed`).toEqual([]);
          } else expect(createdRecords(mid, after), `${key} (created ${created.join(", ")}) sent again without a key created more: give its form a one-time submission key`).toEqual([]);
          resubmitted.add(key);
        }
      }
    });
  }
});

describe("the sweep counted what it claims", () => {
  it("swept every exported action found in the files, each with every wrong caller", () => {
    expect([...swept].sort()).toEqual([...FOUND].sort());
    const calls = Object.values(ACTION_FIXTURES).reduce((n, fx) => n + wrongCallers(fx).filter((w) => mustRefuse(fx, w)).length, 0);
    expect(refusals.count).toBe(calls);
    const exceptions = Object.entries(ACTION_FIXTURES).filter(([, fx]) => fx.rightfulRefusal).map(([k]) => k);
    // The rightful account succeeded with every payload but the listed exceptions.
    expect(rightfulOk.size).toBe(FOUND.length - exceptions.length);
    // Every create form with a one-time key, and every action that created a record, was sent twice.
    expect(resubmitted.size).toBeGreaterThanOrEqual(KEYED_ACTIONS.length);
    for (const k of KEYED_ACTIONS) expect(resubmitted.has(k), k).toBe(true);
    console.info(`[sweep] ${FOUND.length} actions in ${FILES.length} files; ${refusals.count} refused wrong calls; ${rightfulOk.size} rightful successes; ${resubmitted.size} sent twice without a second record; exceptions: ${exceptions.join(", ") || "none"}`);
  });
});

