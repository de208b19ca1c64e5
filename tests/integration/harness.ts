// One fresh, migrated database per test file: on the PostgreSQL server named by DATABASE_URL
// (a new uniquely named database, dropped afterwards), else an in-memory PGlite.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  openPglite,
  pgliteConn,
  postgresConn,
  prismaForPglite,
  prismaForUrl,
  type SqlConn,
} from "@/lib/server/database";
import { migrate } from "@/lib/server/migrate";

export interface TestDb {
  prisma: PrismaClient;
  sql: SqlConn;
  /** Connection URL of the test database; null for the in-memory PGlite. */
  url: string | null;
  drop(): Promise<void>;
}

/** The same server and credentials as `base`, another database. */
export function withDatabase(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDb(): Promise<TestDb> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const db = await openPglite(null);
    const sql = pgliteConn(db);
    await migrate(sql);
    const prisma = prismaForPglite(db);
    return { prisma, sql, url: null, drop: async () => { await prisma.$disconnect(); await sql.close(); } };
  }
  // The admin connection is DATABASE_URL itself: CREATE/DROP DATABASE work from any database.
  const name = `thidua_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = await postgresConn(base);
  await admin.exec(`CREATE DATABASE "${name}"`);
  const url = withDatabase(base, name);
  const sql = await postgresConn(url);
  try {
    await migrate(sql);
  } catch (e) {
    await sql.close();
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
    throw e;
  }
  const prisma = prismaForUrl(url);
  return {
    prisma,
    sql,
    url,
    drop: async () => {
      await prisma.$disconnect();
      await sql.close();
      await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    },
  };
}
