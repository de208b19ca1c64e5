import "server-only";
import { readReplicas } from "@prisma/extension-read-replicas";
import type { PrismaClient } from "../generated/prisma/client";
import { embeddedDir, openPglite, prismaForPglite, prismaForUrl } from "./database";

// The app's single Prisma client. A failed open is never cached: the next request retries
// (STACK.md §7).
const g = globalThis as unknown as {
  __thiduaDb?: Promise<PrismaClient>;
  /** undefined: not decided yet; null: reads go to getDb(). */
  __thiduaReadDb?: Promise<PrismaClient> | null;
};

function open(): Promise<PrismaClient> {
  const url = process.env.DATABASE_URL;
  if (url) return Promise.resolve(prismaForUrl(url));
  return openPglite(embeddedDir()).then(prismaForPglite);
}

export function getDb(): Promise<PrismaClient> {
  if (!g.__thiduaDb) {
    g.__thiduaDb = open().catch((e) => {
      g.__thiduaDb = undefined;
      throw e;
    });
  }
  return g.__thiduaDb;
}

/** Tests point the app's code at their own database. */
export function setDbForTests(client: PrismaClient): void {
  g.__thiduaDb = Promise.resolve(client);
  g.__thiduaReadDb = null; // a test's reads follow its own database, whatever the environment says
}

/**
 * The client reports and dashboards read through. With DATABASE_URL and DATABASE_REPLICA_URL
 * (a streaming standby of that server, see replicaUrlFor) set, model reads (findMany,
 * findFirst, count, groupBy, aggregate…) and $queryRaw go to the standby; every write,
 * $executeRaw and every $transaction (reads inside it too) go to the primary. Otherwise it is
 * getDb() itself.
 * A standby lags by its replay delay: never read back your own write through it (a page
 * that shows what an action just wrote reads with getDb()).
 */
export function getReadDb(): Promise<PrismaClient> {
  if (g.__thiduaReadDb === undefined) {
    const url = process.env.DATABASE_URL;
    const replicaUrl = url && process.env.DATABASE_REPLICA_URL ? replicaUrlFor(url, process.env.DATABASE_REPLICA_URL) : undefined;
    g.__thiduaReadDb = replicaUrl
      ? getDb().then((primary) => readClientFor(primary, replicaUrl)).catch((e) => {
          g.__thiduaReadDb = undefined;
          throw e;
        })
      : null;
  }
  return g.__thiduaReadDb ?? getDb();
}

/**
 * The standby's URL for the database DATABASE_URL names. A standby copies the whole server, so
 * DATABASE_REPLICA_URL may name only the server (postgresql://user@host:5433): the database
 * (and query string) then come from DATABASE_URL.
 */
export function replicaUrlFor(primaryUrl: string, replicaUrl: string): string {
  const r = new URL(replicaUrl);
  if (r.pathname.length > 1) return replicaUrl;
  const p = new URL(primaryUrl);
  r.pathname = p.pathname;
  if (!r.search) r.search = p.search;
  return r.toString();
}

/** Tests: make getReadDb() return this client (null: back to the app's database). */
export function setReadDbForTests(client: PrismaClient | null): void {
  g.__thiduaReadDb = client ? Promise.resolve(client) : null;
}

/**
 * `primary` with reads routed to the PostgreSQL standby at `replicaUrl` (Prisma's
 * read-replicas extension), or `primary` itself when there is none. Raw queries through this
 * client are reads by contract, so $queryRaw goes to the standby too (the extension alone
 * would send it to the primary); a raw write sent there fails (the standby is read-only).
 */
export function readClientFor(primary: PrismaClient, replicaUrl: string | undefined | null): PrismaClient {
  if (!replicaUrl) return primary;
  const replica = prismaForUrl(replicaUrl);
  const routed = primary.$extends(readReplicas({ replicas: [replica] }));
  const raw = new Set<PropertyKey>(["$queryRaw", "$queryRawTyped"]);
  return new Proxy(routed, {
    get(target, prop) {
      if (raw.has(prop)) return Reflect.get(replica, prop).bind(replica);
      // The primary belongs to whoever opened it (getDb(), a test): only the standby's pool closes.
      if (prop === "$disconnect") return () => replica.$disconnect();
      return Reflect.get(target, prop);
    },
  }) as unknown as PrismaClient;
}
