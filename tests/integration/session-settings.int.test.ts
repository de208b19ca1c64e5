// The session settings every app connection carries (lib/server/database.ts SESSION_OPTIONS):
// JIT compilation off (docs/decisions/0013-jit-off.md). pg_jit_available() is true only when the
// server has a JIT provider AND the session's jit is on: on this machine's PostgreSQL (llvmjit,
// default jit=on) this fails for a client opened without the options; PGlite has no provider.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./harness";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.drop();
});

describe("app connections", () => {
  it("run with JIT compilation off (Prisma's pool and the raw connection alike)", async () => {
    const viaPrisma = await t.prisma.$queryRaw<{ jit: boolean }[]>`SELECT pg_jit_available() AS jit`;
    const viaSql = await t.sql.query<{ jit: boolean }>("SELECT pg_jit_available() AS jit");
    expect(viaPrisma[0].jit).toBe(false);
    expect(viaSql[0].jit).toBe(false);
  });
});
