import { defineConfig } from "prisma/config";

// Migrations are plain SQL applied by scripts/migrate.ts (Prisma's schema engine cannot be
// downloaded here, see docs/decisions/0001-migrations.md). The URL is only read by
// `prisma migrate status` on machines that have the engine.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/thidua" },
});
