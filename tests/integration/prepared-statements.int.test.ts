// The hot reads sent as named prepared statements (lib/server/database.ts preparedAs and
// statementName): a marked statement is parsed and planned once per connection, every other
// statement stays unnamed. pg_prepared_statements lists what the CURRENT session has prepared, so
// the PostgreSQL part runs through a client of ONE connection. PGlite has no named statements
// through its adapter: there only the naming rules and the marked statement's result are checked
// (.ci/run runs the suite on PostgreSQL, then again on PGlite).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparedAs, prismaForUrl, statementName } from "@/lib/server/database";
import { schoolFacts } from "@/lib/awards/facts-loader";
import { createTestDb, type TestDb } from "./harness";

describe("statement names", () => {
  it("name a marked statement by its marker and a hash of its whole text; leave others unnamed", () => {
    const a = statementName("/* prepared:school_facts */ SELECT 1");
    const b = statementName("/* prepared:school_facts */ SELECT 2");
    expect(a).toMatch(/^school_facts_[0-9a-f]{16}$/);
    expect(b).toMatch(/^school_facts_[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    expect(statementName("/* prepared:school_facts */ SELECT 1")).toBe(a);
    expect(statementName("SELECT 1")).toBeUndefined();
    expect(statementName("SELECT 1 /* prepared:school_facts */")).toBeUndefined();
  });

  it("refuse a marker name that could break out of the comment", () => {
    expect(() => preparedAs("x */ DROP TABLE y; /*")).toThrow();
    expect(preparedAs("school_dashboard").sql).toBe("/* prepared:school_dashboard */ ");
  });
});

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

describe("a marked statement", () => {
  it("returns what the same statement unmarked returns", async () => {
    const marked = await t.prisma.$queryRaw<{ n: number }[]>`${preparedAs("probe")} SELECT ${41}::int + 1 AS n`;
    const plain = await t.prisma.$queryRaw<{ n: number }[]>`SELECT ${41}::int + 1 AS n`;
    expect(marked).toEqual([{ n: 42 }]);
    expect(plain).toEqual(marked);
  });
});

if (!process.env.DATABASE_URL) {
  // .ci/run runs this file on PostgreSQL first, then the whole integration suite again on PGlite.
  console.warn("[prepared] named-statement checks not run on PGlite (its adapter sends every statement unnamed; they run on PostgreSQL)");
} else {
  describe("on PostgreSQL", () => {
    it("keeps the marked statements prepared on the connection, and no other", async () => {
      const one = prismaForUrl(t.url!, 1);
      try {
        const names = async () => (await one.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements ORDER BY name`).map((r) => r.name);
        expect(await names()).toEqual([]);
        // Unmarked: Prisma's own reads and a raw query leave nothing prepared.
        await one.member.findMany({ take: 1 });
        await one.$queryRaw`SELECT ${1}::int AS n`;
        expect(await names()).toEqual([]);
        // The eligibility facts: prepared once, reused by the next call (still one statement).
        const period = { schoolYearId: "no-such-year", startYear: 2025, label: "2025–2026", startsOn: "2025-09-05", endsOn: "2026-05-31" };
        await schoolFacts(one, { id: "no-such-school" }, period);
        const afterFirst = await names();
        expect(afterFirst).toHaveLength(1);
        expect(afterFirst[0]).toMatch(/^school_facts_[0-9a-f]{16}$/);
        await schoolFacts(one, { id: "another-school" }, period);
        expect(await names()).toEqual(afterFirst);
        // A variant of the text (the members named) is its own statement.
        await schoolFacts(one, { id: "no-such-school" }, period, ["m1"]);
        expect(await names()).toHaveLength(2);
        // The text PostgreSQL holds under that name is the marked statement.
        const [held] = await one.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements WHERE name = ${afterFirst[0]}`;
        expect(held.statement.startsWith("/* prepared:school_facts */")).toBe(true);
      } finally {
        await one.$disconnect();
      }
    });
  });
}
