// The usual integration set-up: a fresh migrated database (tests/integration/harness.ts) with the
// demo data, made the app's database, and a real Viewer for every demo account.
import type { Viewer } from "../../lib/authz/permissions";
import { DEMO, seedDemo } from "../../lib/seed/demo";
import { seedScoringDemo } from "../../lib/seed/scoring-demo";
import { seedAwardsDemo } from "../../lib/seed/awards-demo";
import { seedHistoryDemo } from "../../lib/seed/history-demo";
import { setDbForTests } from "../../lib/server/db";
import { AppError } from "../../lib/server/errors";
import { createTestDb, type TestDb } from "../integration/harness";
import { viewerFor } from "./viewer";

export type DemoViewers = Record<keyof typeof DEMO.emails, Viewer>;

/** `history`: two earlier school years across all demo schools and the union terms (lib/seed/history-demo.ts; implies `awards`). */
export async function openDemoDb(opts: { scoring?: boolean; awards?: boolean; history?: boolean } = {}): Promise<{ t: TestDb; v: DemoViewers }> {
  const t = await createTestDb();
  await seedDemo(t.prisma);
  if (opts.scoring) await seedScoringDemo(t.prisma);
  if (opts.awards) await seedAwardsDemo(t.prisma);
  if (opts.history) await seedHistoryDemo(t.prisma);
  setDbForTests(t.prisma);
  const v = {} as DemoViewers;
  for (const k of Object.keys(DEMO.emails) as (keyof typeof DEMO.emails)[]) v[k] = await viewerFor(t.prisma, DEMO.emails[k]);
  return { t, v };
}

/** "OK", or the AppError code a call failed with (anything else is rethrown). */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

/** "OK", or the Vietnamese message of the AppError a call failed with (anything else is rethrown). */
export async function errorMessage(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof AppError) return e.userMessage;
    throw e;
  }
}
