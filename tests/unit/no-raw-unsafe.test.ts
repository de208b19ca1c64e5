// SECURITY.md "Input and output": no raw unsafe SQL, no raw HTML, no type-system escapes.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIRS = ["app", "lib", "components"];
const SKIP = new Set([path.join(ROOT, "lib", "generated")]);
const EXT = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;
const FORBIDDEN: [string, RegExp][] = [
  ["$queryRawUnsafe", /\$queryRawUnsafe\b/],
  ["$executeRawUnsafe", /\$executeRawUnsafe\b/],
  ["dangerouslySetInnerHTML", /dangerouslySetInnerHTML/],
  ["as any", /\bas\s+any\b/],
  ["@ts-ignore", /@ts-ignore\b/],
];

function* files(dir: string): Generator<string> {
  if (!existsSync(dir) || SKIP.has(dir)) return;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) {
      if (d.name !== "node_modules") yield* files(p);
    } else if (EXT.test(d.name)) yield p;
  }
}

it("app/, lib/ and components/ use none of the forbidden constructs", () => {
  const found: string[] = [];
  for (const dir of DIRS) {
    for (const file of files(path.join(ROOT, dir))) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const [label, re] of FORBIDDEN) {
            if (re.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${label}`);
          }
        });
    }
  }
  expect(found, `Forbidden constructs:\n${found.join("\n")}`).toEqual([]);
});
