// Every public entry point goes through the one gate (lib/authz/gate.ts, issue 10): each exported
// function of a "use server" file calls gatedAction(…) (never runAction directly), and each
// exported handler of a route.ts passes gatedRoute(…) to a download helper. A new action or route
// written without the gate fails here, in CI, before anyone has to find it by attacking the app.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
/** Route handlers that are not the app's data: next-auth's own endpoints (sign-in itself). */
const PUBLIC_ROUTES = new Set(["app/api/auth/[...nextauth]/route.ts"]);
/** Actions taken before a session exists, through the gate's publicAction (checked below). */
const PUBLIC_ACTIONS = new Set(["lib/auth/two-step-actions.ts#startSignInEnrolmentAction"]);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

const files = [...walk(join(ROOT, "lib")), ...walk(join(ROOT, "app")), ...walk(join(ROOT, "components"))].map((p) => ({ path: relative(ROOT, p).replaceAll("\\", "/"), src: readFileSync(p, "utf8") }));
const isUseServer = (src: string) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(src);
const serverFiles = files.filter((f) => isUseServer(f.src));
const routeFiles = files.filter((f) => /(^|\/)route\.ts$/.test(f.path));

/** Each exported function with the text up to the next top-level export: its body, near enough. */
export function exportedBodies(src: string): { name: string; body: string }[] {
  const re = /^export\s+(?:async\s+)?(?:function\s+(\w+)|const\s+(\w+)\s*=)/gm;
  const starts = [...src.matchAll(re)];
  return starts.map((m, i) => ({ name: m[1] ?? m[2], body: src.slice(m.index, starts[i + 1]?.index ?? src.length) }));
}

describe("the gate covers every server action", () => {
  it("finds the action files", () => {
    expect(serverFiles.length).toBeGreaterThanOrEqual(14);
    expect(serverFiles.flatMap((f) => exportedBodies(f.src)).length).toBeGreaterThanOrEqual(89);
  });

  for (const f of serverFiles) {
    it(`${f.path}: every export calls gatedAction`, () => {
      const bodies = exportedBodies(f.src);
      const missing = bodies.filter((e) => !/\bgatedAction\s*\(/.test(e.body) && !(PUBLIC_ACTIONS.has(`${f.path}#${e.name}`) && /\bpublicAction\s*\(/.test(e.body))).map((e) => e.name);
      expect(missing, `exported actions without the gate in ${f.path}`).toEqual([]);
      // The wrapper under the gate is not an entry point of its own; re-exports would hide actions.
      expect(f.src).not.toMatch(/\brunAction\s*\(/);
      expect(f.src).not.toMatch(/^export\s*(\{|\*|default)/m);
      // publicAction only where listed.
      for (const e of bodies) if (/\bpublicAction\s*\(/.test(e.body)) expect(PUBLIC_ACTIONS.has(`${f.path}#${e.name}`), `${e.name} uses publicAction`).toBe(true);
    });
  }
});

describe("no server action hides from the gate and the sweep", () => {
  it("\"use server\" appears only as the first statement of a file (no inline actions in components or pages)", () => {
    // An inline action (a function body starting with "use server") is a public endpoint too, but
    // neither this test nor the action sweep (tests/integration/action-sweep.int.test.ts) sees it.
    const code = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/[^\n]*/g, "$1");
    const inline = files
      .map((f) => ({ ...f, uses: (code(f.src).match(/["']use server["']/g) ?? []).length }))
      .filter((f) => f.uses > (isUseServer(f.src) ? 1 : 0))
      .map((f) => f.path);
    expect(inline, "move the action into a \"use server\" file under lib/<area>/actions.ts, behind gatedAction").toEqual([]);
  });
});

describe("the gate covers every route handler", () => {
  it("finds the route files", () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(18);
  });

  for (const f of routeFiles.filter((r) => !PUBLIC_ROUTES.has(r.path))) {
    it(`${f.path}: every handler declares gatedRoute`, () => {
      const handlers = exportedBodies(f.src).filter((e) => /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(e.name));
      expect(handlers.length, "a route file without a handler").toBeGreaterThan(0);
      const missing = handlers.filter((h) => !/\bgatedRoute\s*\(/.test(h.body)).map((h) => h.name);
      expect(missing).toEqual([]);
    });
  }
});

describe("the early guard lives only in the gate", () => {
  it("no other file decides 'holds the capability anywhere' for an action", () => {
    const copies = files.filter((f) => !f.path.startsWith("lib/authz/") && /canSome\([^)]*\)\)\s*return\s*\{\s*ok:\s*false/.test(f.src)).map((f) => f.path);
    expect(copies).toEqual([]);
  });
});
