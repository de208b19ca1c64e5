// The authority table (issue 12): who decides which form, seeded from lib/awards/authority.ts
// (Law 06/2022 on emulation and commendation with the July 2025 two-tier change; the
// Confederation's regulation for union forms). Idempotent: rows an admin has edited are kept.
import type { PrismaClient } from "../generated/prisma/client";
import { AUTHORITY_DEFAULTS } from "../awards/authority";

const day = (s: string) => new Date(`${s}T00:00:00Z`);

export async function seedAuthorities(prisma: PrismaClient): Promise<{ created: number }> {
  const { count } = await prisma.awardAuthority.createMany({
    data: AUTHORITY_DEFAULTS.map((r) => ({
      id: r.id,
      titleCode: r.titleCode,
      side: r.side,
      bodyKind: r.bodyKind,
      bodyName: r.bodyName,
      schoolManager: r.schoolManager,
      level: r.level,
      proposerRole: r.proposerRole,
      basis: r.basis,
      source: r.source,
      validFrom: day(r.validFrom),
      validTo: r.validTo ? day(r.validTo) : null,
    })),
    skipDuplicates: true,
  });
  return { created: count };
}
