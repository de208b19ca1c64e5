import "server-only";
// Many writes, one refresh of the precomputed summaries ("SchoolYearFigures", "ScorePeriodFigures"):
// inside `fn` their triggers only note which rows they touch; the rows are then refreshed once each,
// in the same transaction, before it commits (migration 20261203200000_figures_deferred). For a
// transaction that writes one row per statement many times over (the scoring grid's save).
import type { Prisma } from "../generated/prisma/client";

export async function withFiguresDeferred<T>(tx: Prisma.TransactionClient, fn: () => Promise<T>): Promise<T> {
  await tx.$executeRaw`SELECT figures_defer()`;
  const out = await fn();
  await tx.$executeRaw`SELECT figures_flush()`;
  return out;
}
