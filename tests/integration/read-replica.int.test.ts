// Reads from a streaming standby, writes to the primary (README "Beyond one machine").
// On PostgreSQL with DATABASE_REPLICA_URL (a standby of the DATABASE_URL server: .ci/run starts
// one with scripts/replica.sh) the read client is checked against a real standby: replay is
// paused on the standby, a write is made through the read client, and the write is visible on
// the primary but not through the client's reads until replay resumes. Under CI
// (CI set, PostgreSQL in use) a missing DATABASE_REPLICA_URL is a failure, not a skip; locally
// without a standby, and on PGlite, those tests are not registered and the reason is printed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { prismaForUrl } from "@/lib/server/database";
import { getDb, getReadDb, readClientFor, replicaUrlFor, setDbForTests } from "@/lib/server/db";
import { createTestDb, withDatabase, type TestDb } from "./harness";

const PRIMARY = process.env.DATABASE_URL;
const REPLICA = process.env.DATABASE_REPLICA_URL;

describe("replica URL", () => {
  it("names the standby's copy of DATABASE_URL's database when it names only the server", () => {
    expect(replicaUrlFor("postgresql://app@db1:5432/thidua?schema=public", "postgresql://app@db2:5433"))
      .toBe("postgresql://app@db2:5433/thidua?schema=public");
    expect(replicaUrlFor("postgresql://app@db1:5432/thidua", "postgresql://app@db2:5433/other")).toBe("postgresql://app@db2:5433/other");
  });
});

describe("read client without a standby", () => {
  it("is the app's own database", async () => {
    const t = await createTestDb();
    try {
      setDbForTests(t.prisma);
      expect(readClientFor(t.prisma, undefined)).toBe(t.prisma);
      expect(await getReadDb()).toBe(await getDb());
      expect(await getReadDb()).toBe(t.prisma);
    } finally {
      await t.drop();
    }
  });
});

if (!PRIMARY) {
  console.warn("[replica] standby tests not run on PGlite: a streaming standby needs a PostgreSQL server (DATABASE_URL and DATABASE_REPLICA_URL; .ci/run sets both)");
} else if (!REPLICA) {
  if (process.env.CI) {
    it("a streaming standby is configured (DATABASE_REPLICA_URL)", () => {
      throw new Error("CI runs on PostgreSQL without DATABASE_REPLICA_URL: scripts/replica.sh did not run or failed (.ci/run)");
    });
  } else {
    console.warn("[replica] standby tests not run: DATABASE_REPLICA_URL is not set (scripts/replica.sh starts a standby on 127.0.0.1:5433)");
  }
} else {
  describe("read replica (streaming standby)", () => {
    let t: TestDb;
    let replicaUrl: string;
    let standby: PrismaClient; // straight to the standby
    let read: PrismaClient; // the read client: reads to the standby, writes to the primary
    let paused = false;

    async function standbySql<T>(q: string): Promise<T> {
      const rows = await standby.$queryRawUnsafe<Record<string, T>[]>(q);
      return Object.values(rows[0])[0];
    }
    /** Until the standby has replayed everything the primary has written so far. */
    async function caughtUp(): Promise<void> {
      const [{ lsn }] = await t.prisma.$queryRawUnsafe<{ lsn: string }[]>("SELECT pg_current_wal_lsn()::text AS lsn");
      const deadline = Date.now() + 30_000;
      for (;;) {
        const rows = await standby.$queryRawUnsafe<{ ok: boolean }[]>(
          "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok", lsn,
        );
        if (rows[0]?.ok) return;
        if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${lsn} within 30 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    async function setPaused(p: boolean): Promise<void> {
      await standby.$queryRawUnsafe(p ? "SELECT pg_wal_replay_pause()::text" : "SELECT pg_wal_replay_resume()::text");
      paused = p;
    }

    beforeAll(async () => {
      t = await createTestDb();
      replicaUrl = withDatabase(REPLICA, new URL(t.url!).pathname.slice(1));
      // The new database reaches the standby by WAL replay; connect once it is there.
      const admin = prismaForUrl(withDatabase(REPLICA, "postgres"), 1);
      try {
        const deadline = Date.now() + 30_000;
        const name = new URL(t.url!).pathname.slice(1);
        while (!(await admin.$queryRawUnsafe<unknown[]>("SELECT 1 FROM pg_database WHERE datname = $1", name)).length) {
          if (Date.now() > deadline) throw new Error(`database ${name} did not reach the standby within 30 s`);
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        await admin.$disconnect();
      }
      standby = prismaForUrl(replicaUrl, 2);
      read = readClientFor(t.prisma, replicaUrl);
      await t.prisma.schoolYear.create({
        data: { id: "sy_before", label: "2020–2021", startsOn: new Date("2020-09-01"), endsOn: new Date("2021-05-31") },
      });
      await caughtUp();
    });

    afterAll(async () => {
      if (paused) await setPaused(false).catch(() => undefined);
      await read?.$disconnect();
      await standby?.$disconnect();
      await t?.drop();
    });

    it("serves reads from the standby, in recovery, on its own port", async () => {
      const [s] = await read.$queryRaw<{ recovery: boolean; port: number }[]>`
        SELECT pg_is_in_recovery() AS recovery, inet_server_port() AS port`;
      expect(s.recovery).toBe(true);
      expect(String(s.port)).toBe(new URL(REPLICA).port || "5432");
      const [p] = await t.prisma.$queryRaw<{ recovery: boolean; port: number }[]>`
        SELECT pg_is_in_recovery() AS recovery, inet_server_port() AS port`;
      expect(p.recovery).toBe(false);
      expect(p.port).not.toBe(s.port);
      expect(await read.schoolYear.findMany({ select: { id: true } })).toEqual([{ id: "sy_before" }]);
    });

    it("the standby refuses writes", async () => {
      await expect(
        standby.schoolYear.create({ data: { label: "2019–2020", startsOn: new Date("2019-09-01"), endsOn: new Date("2020-05-31") } }),
      ).rejects.toThrow(/read-only/);
    });

    it("sends writes to the primary and model reads to the standby (replay paused)", async () => {
      await setPaused(true);
      expect(await standbySql<boolean>("SELECT pg_is_wal_replay_paused()")).toBe(true);

      // Writes through the read client: create, update, raw execute.
      await read.schoolYear.create({
        data: { id: "sy_new", label: "2021–2022", startsOn: new Date("2021-09-01"), endsOn: new Date("2022-05-31") },
      });
      await read.schoolYear.update({ where: { id: "sy_before" }, data: { label: "2020–2021 (sửa)" } });
      await read.$executeRaw`UPDATE "SchoolYear" SET "endsOn" = '2022-06-30' WHERE id = 'sy_new'`;

      // They are on the primary…
      const onPrimary = await t.prisma.schoolYear.findMany({ orderBy: { id: "asc" }, select: { id: true, label: true, endsOn: true } });
      expect(onPrimary.map((y) => [y.id, y.label])).toEqual([["sy_before", "2020–2021 (sửa)"], ["sy_new", "2021–2022"]]);
      expect(onPrimary[1].endsOn.toISOString().slice(0, 10)).toBe("2022-06-30");

      // …while every kind of read through the client answers from the paused standby.
      expect(await read.schoolYear.findMany({ select: { id: true, label: true } })).toEqual([{ id: "sy_before", label: "2020–2021" }]);
      expect(await read.schoolYear.findUnique({ where: { id: "sy_new" } })).toBeNull();
      expect(await read.schoolYear.findFirst({ where: { label: "2021–2022" } })).toBeNull();
      expect(await read.schoolYear.count()).toBe(1);
      expect((await read.schoolYear.aggregate({ _count: { _all: true } }))._count._all).toBe(1);
      expect((await read.schoolYear.groupBy({ by: ["label"], _count: { _all: true } })).map((g) => g.label)).toEqual(["2020–2021"]);
      const raw = await read.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "SchoolYear"`;
      expect(Number(raw[0].n)).toBe(1);

      // A transaction runs on the primary, reads included.
      expect(await read.$transaction((tx) => tx.schoolYear.count())).toBe(2);

      await setPaused(false);
      await caughtUp();
      expect(await read.schoolYear.count()).toBe(2);
      expect((await read.schoolYear.findUnique({ where: { id: "sy_before" } }))?.label).toBe("2020–2021 (sửa)");
    });

    it("getReadDb() reads from DATABASE_REPLICA_URL when it is set", async () => {
      const g = globalThis as unknown as { __thiduaReadDb?: unknown };
      const saved = { primary: process.env.DATABASE_URL, replica: process.env.DATABASE_REPLICA_URL };
      setDbForTests(t.prisma);
      // As .ci/run sets them: the standby named by its server only, the database from DATABASE_URL.
      process.env.DATABASE_URL = t.url!;
      process.env.DATABASE_REPLICA_URL = withDatabase(REPLICA, "").replace(/\/$/, "");
      g.__thiduaReadDb = undefined; // as in a fresh server process
      try {
        const db = await getReadDb();
        expect(db).not.toBe(t.prisma);
        const [s] = await db.$queryRaw<{ recovery: boolean }[]>`SELECT pg_is_in_recovery() AS recovery`;
        expect(s.recovery).toBe(true);
        expect(await db.schoolYear.count()).toBe(2);
        await db.$disconnect(); // the standby's pool only
        expect(await t.prisma.schoolYear.count()).toBe(2);
      } finally {
        process.env.DATABASE_URL = saved.primary;
        process.env.DATABASE_REPLICA_URL = saved.replica;
        setDbForTests(t.prisma);
      }
    });
  });
}
