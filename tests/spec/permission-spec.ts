// Reads tests/spec/permissions.md (the permission specification written from the domain) into
// cells: capability × role × situation → allowed / refused / not a situation, with the known
// disagreements with the permission table marked "!". Shared by the unit and integration tests.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Role } from "../../lib/generated/prisma/enums";

export const ROLES = ["ADMIN", "UPPER_STAFF", "PRINCIPAL", "UNION_CHAIR", "GROUP_LEADER", "MEMBER"] as const satisfies readonly Role[];

export const SITUATIONS = [
  "Own record",
  "Own group",
  "Own school",
  "Other school, same upper unit",
  "School under my upper unit",
  "School under another upper unit",
  "My upper unit",
  "Another upper unit",
] as const;
export type Situation = (typeof SITUATIONS)[number];

export interface SpecCell {
  cap: string;
  role: Role;
  situation: Situation;
  /** null: the situation does not exist for this role ("—"). */
  expected: boolean | null;
  /** "✓!" / "✗!": the domain says `expected`, the table says the opposite today. */
  disagreement: boolean;
}

export interface SpecBlock {
  cap: string;
  reason: string;
  rows: Record<Role, Record<Situation, SpecCell>>;
}

export const SPEC_FILE = fileURLToPath(new URL("./permissions.md", import.meta.url));

function cell(text: string, where: string): { expected: boolean | null; disagreement: boolean } {
  const t = text.trim();
  if (t === "✓") return { expected: true, disagreement: false };
  if (t === "✗") return { expected: false, disagreement: false };
  if (t === "✓!") return { expected: true, disagreement: true };
  if (t === "✗!") return { expected: false, disagreement: true };
  if (t === "—") return { expected: null, disagreement: false };
  throw new Error(`${where}: unreadable cell "${t}" (use ✓, ✗, ✓!, ✗! or —)`);
}

const splitRow = (line: string) => line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((s) => s.trim());

/** Parses the specification; throws on anything malformed (a typo must not silently skip a cell). */
export function parsePermissionSpec(markdown: string): { blocks: SpecBlock[]; cells: SpecCell[] } {
  const lines = markdown.split(/\r?\n/);
  const blocks: SpecBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const heading = /^### ([a-z_]+\.[a-z_]+)\s*$/.exec(lines[i]);
    if (!heading) continue;
    const cap = heading[1];
    let j = i + 1;
    while (j < lines.length && !lines[j].startsWith("Why:") && !lines[j].startsWith("|")) j++;
    if (!lines[j]?.startsWith("Why:")) throw new Error(`${cap}: the block needs a "Why:" line (the domain reason)`);
    const reason = lines[j].slice(4).trim();
    while (j < lines.length && !lines[j].startsWith("|")) j++;
    const header = splitRow(lines[j]);
    if (header[0] !== "Role" || header.slice(1).join("|") !== SITUATIONS.join("|")) throw new Error(`${cap}: the table header must be Role | ${SITUATIONS.join(" | ")}`);
    j += 2; // the header and the |---| line
    const rows = {} as SpecBlock["rows"];
    for (; j < lines.length && lines[j].startsWith("|"); j++) {
      const [role, ...cells] = splitRow(lines[j]);
      if (!(ROLES as readonly string[]).includes(role)) throw new Error(`${cap}: unknown role "${role}"`);
      if (cells.length !== SITUATIONS.length) throw new Error(`${cap} ${role}: ${cells.length} cells, expected ${SITUATIONS.length}`);
      if (rows[role as Role]) throw new Error(`${cap}: ${role} twice`);
      rows[role as Role] = Object.fromEntries(
        SITUATIONS.map((situation, k) => [situation, { cap, role: role as Role, situation, ...cell(cells[k], `${cap} ${role} ${situation}`) }]),
      ) as Record<Situation, SpecCell>;
    }
    if (blocks.some((b) => b.cap === cap)) throw new Error(`${cap}: two blocks`);
    blocks.push({ cap, reason, rows });
    i = j;
  }
  const cells = blocks.flatMap((b) => Object.values(b.rows).flatMap((r) => Object.values(r)));
  return { blocks, cells };
}

export function loadPermissionSpec() {
  return parsePermissionSpec(readFileSync(SPEC_FILE, "utf8"));
}
