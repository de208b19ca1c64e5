import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { embeddedDir, openPglite, prismaForPglite, prismaForUrl } from "./database";

// The app's single Prisma client. A failed open is never cached: the next request retries
// (STACK.md §7).
const g = globalThis as unknown as { __thiduaDb?: Promise<PrismaClient> };

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
}
