// Run by scripts/bench-load.ts (tsx --conditions=react-server) against the freshly seeded bench
// database, before the server starts: gives the demo data what the load run downloads — a
// coordination plan of TH Sơn Thủy A for 2025–2026 drafted from the template and signed by both
// sides, through the app's own mutations (audit rows and all). Prints one JSON line.
import { openDatabase } from "../lib/server/database";
import { setDbForTests } from "../lib/server/db";
import { DEMO } from "../lib/seed/demo";
import { createPlan, transitionPlan } from "../lib/plans/mutations";
import { viewerFor } from "../tests/factories/viewer";

const { prisma, sql } = await openDatabase();
try {
  setDbForTests(prisma);
  const principal = await viewerFor(prisma, DEMO.emails.STA_PRINCIPAL);
  const chair = await viewerFor(prisma, DEMO.emails.STA_CHAIR);
  const existing = await prisma.coordinationPlan.findFirst({ where: { schoolId: DEMO.schools.STA, status: "SIGNED" }, select: { id: true } });
  let planId = existing?.id;
  if (!planId) {
    const plan = await createPlan(principal, { schoolId: DEMO.schools.STA, schoolYearId: DEMO.years.Y2025, source: "template" });
    const version = async () => (await prisma.coordinationPlan.findUniqueOrThrow({ where: { id: plan.id } })).version;
    await transitionPlan(principal, { planId: plan.id, version: await version(), action: "submit" });
    await transitionPlan(chair, { planId: plan.id, version: await version(), action: "sign_union" });
    await transitionPlan(principal, { planId: plan.id, version: await version(), action: "sign_gov" });
    planId = plan.id;
  }
  // The fixture's own sessions are not the load run's: end them.
  await prisma.session.updateMany({ where: { id: { in: [principal.sessionId, chair.sessionId] } }, data: { revokedAt: new Date() } });
  console.log(JSON.stringify({ planId, planPdf: `/truong/${DEMO.schools.STA}/ke-hoach/${planId}/pdf` }));
} finally {
  await prisma.$disconnect();
  await sql.close();
}
