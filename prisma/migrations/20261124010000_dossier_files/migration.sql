-- Dossier papers may carry an uploaded file (issue 5 gaps): stored outside public/ under a random
-- key (lib/evidence/storage.ts), checked by size, extension and first bytes like scoring evidence.
-- All columns are null for papers that are only a title and a reference. Written by hand in
-- Prisma's layout; tests/integration/drift.int.test.ts compares it with prisma/schema/awards.prisma.

ALTER TABLE "DossierDocument" ADD COLUMN "storageKey" TEXT,
ADD COLUMN "fileName" TEXT,
ADD COLUMN "mime" TEXT,
ADD COLUMN "sizeBytes" INTEGER,
ADD COLUMN "sha256" TEXT;

CREATE UNIQUE INDEX "DossierDocument_storageKey_key" ON "DossierDocument"("storageKey");
