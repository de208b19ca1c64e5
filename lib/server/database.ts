// The one place that knows how to reach PostgreSQL: a real server when DATABASE_URL is set,
// else PGlite (PostgreSQL compiled to Wasm) in this process, stored under .data/.
// No "server-only" here so that scripts (migrate, seed) and tests can use it; the app
// imports lib/server/db.ts instead.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { createHash } from "node:crypto";
import { Prisma, PrismaClient } from "../generated/prisma/client";

/** Raw SQL access for the migration runner and tests. */
export interface SqlConn {
  kind: "postgres" | "pglite";
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function embeddedDir(): string {
  return path.resolve(process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite"));
}

export async function openPglite(dir: string | null): Promise<PGlite> {
  if (dir) mkdirSync(dir, { recursive: true });
  const db = dir ? new PGlite(dir) : new PGlite();
  await db.waitReady;
  return db;
}

export function pgliteConn(db: PGlite): SqlConn {
  return {
    kind: "pglite",
    exec: async (sql) => void (await db.exec(sql)),
    query: async <T,>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    close: () => db.close(),
  };
}

/**
 * Session settings of every connection the app and its scripts open to PostgreSQL: JIT
 * compilation off. The app's statements are short (a page's queries run in milliseconds); with
 * PostgreSQL's default jit_above_cost, the planner still JIT-compiles the larger report and
 * dashboard queries, and the compilation costs more than it saves: on the province bench,
 * jit=off took the upper-unit dashboard from 110 to 78 ms, the term report from 190 to 131 ms,
 * the school dashboard from 17 to 11 ms (docs/decisions/0013-jit-off.md). The benchmark's
 * hand-written SQL runs with the same settings.
 */
export const SESSION_OPTIONS = "-c jit=off";

export async function postgresConn(url: string): Promise<SqlConn> {
  const client = new pg.Client({ connectionString: url, options: SESSION_OPTIONS });
  await client.connect();
  return {
    kind: "postgres",
    exec: async (sql) => void (await client.query(sql)),
    query: async <T,>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params as unknown[])).rows as T[],
    close: () => client.end(),
  };
}

/**
 * The app's hot one-statement reads (the eligibility facts, the school dashboard's figures) start
 * with `preparedAs(name)`: the PostgreSQL adapter then sends them as NAMED prepared statements,
 * which each pooled connection parses and plans once and then only binds and executes (Prisma's
 * PrismaPg statementNameGenerator), instead of parsing and planning 3–5 KB of SQL on every call
 * (measured on the province bench: the school dashboard's statement spent 3.2 ms of its 8 ms
 * planning). The name carries a hash of the whole text, so each variant of a statement (a section
 * left out for a viewer) is its own statement. Every other statement stays unnamed: a name per
 * distinct text would let statements with varying IN-lists fill each connection's cache.
 * Behind a pooler, it needs one that keeps prepared statements (PgBouncer ≥ 1.21 with
 * max_prepared_statements, or session pooling). PGlite ignores the marker (a plain comment).
 */
export function preparedAs(name: string): Prisma.Sql {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`preparedAs: bad name ${name}`);
  return Prisma.raw(`/* prepared:${name} */ `);
}

const PREPARED = /^\/\* prepared:([a-z_]+) \*\//;

/** The statement name of a query marked with preparedAs (its name and a hash of its text), else none. */
export function statementName(sql: string): string | undefined {
  const m = PREPARED.exec(sql);
  return m ? `${m[1]}_${createHash("sha1").update(sql).digest("hex").slice(0, 16)}` : undefined;
}

export function prismaForUrl(url: string, max = 10): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: url, max, options: SESSION_OPTIONS },
      // The adapter passes `name` straight to pg's Client#query; undefined keeps a statement unnamed.
      { statementNameGenerator: (q) => statementName(q.sql) as string },
    ),
  });
}

export function prismaForPglite(db: PGlite): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPGlite(db) });
}

/** Opens what the environment names: DATABASE_URL, else the embedded database. */
export async function openDatabase(): Promise<{ prisma: PrismaClient; sql: SqlConn; where: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    return { prisma: prismaForUrl(url), sql: await postgresConn(url), where: redact(url) };
  }
  const dir = embeddedDir();
  const db = await openPglite(dir);
  return { prisma: prismaForPglite(db), sql: pgliteConn(db), where: dir };
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@]*@/, "//$1:***@");
}
