// Race tests need real concurrency: two transactions on two connections at once. PGlite has a
// single connection, so its transactions run one after another and a race test there passes
// even with the lock or the conditional update removed (issue 10). Race tests run on
// PostgreSQL only (DATABASE_URL; .ci/run does); on PGlite they are not registered at all (no
// skipped test that could pass for a proof), and the reason is printed. On PostgreSQL the app's client is a pg pool: calls started together with
// Promise.all run on separate connections.
import { describe, it } from "vitest";

export const ON_POSTGRES = !!process.env.DATABASE_URL;

const REASON = "[race] not run on PGlite: one connection serialises transactions, so a race cannot happen there (run with DATABASE_URL on PostgreSQL)";

/** `it` on PostgreSQL; on PGlite no test is registered and the reason is printed. */
export function raceIt(name: string, fn: () => Promise<void>, timeout?: number): void {
  if (ON_POSTGRES) it(name, fn, timeout);
  else console.warn(`${REASON}: ${name}`);
}

/** `describe` of race tests only: on PGlite the whole block is left out (an empty block is an error in Vitest). */
export function raceDescribe(name: string, fn: () => void): void {
  if (ON_POSTGRES) describe(name, fn);
  else console.warn(`${REASON}: ${name}`);
}
