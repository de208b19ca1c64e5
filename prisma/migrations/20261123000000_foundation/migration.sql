-- Foundation: organisations, schools, union groups, members, accounts, roles, sessions,
-- school years, audit log (append-only, hash-chained). Written by hand in Prisma's layout;
-- tests/integration/drift.int.test.ts compares the result with prisma/schema.

CREATE TYPE "OrgType" AS ENUM ('LIEN_DOAN_LAO_DONG', 'CONG_DOAN_NGANH_GD', 'PHONG_GD', 'SO_GD', 'UBND_XA', 'KHAC');
CREATE TYPE "SchoolLevel" AS ENUM ('MAM_NON', 'TIEU_HOC', 'THCS', 'THPT', 'LIEN_CAP');
CREATE TYPE "Gender" AS ENUM ('NAM', 'NU');
CREATE TYPE "MemberStatus" AS ENUM ('ACTIVE', 'ON_LEAVE', 'MATERNITY_LEAVE', 'LEFT');
CREATE TYPE "Role" AS ENUM ('ADMIN', 'UPPER_STAFF', 'PRINCIPAL', 'UNION_CHAIR', 'GROUP_LEADER', 'MEMBER');

CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "OrgType" NOT NULL,
    "parentId" TEXT,
    "successorId" TEXT,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "School" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameSearch" TEXT NOT NULL,
    "level" "SchoolLevel" NOT NULL,
    "address" TEXT,
    "unionName" TEXT NOT NULL,
    "unionUnitId" TEXT NOT NULL,
    "govUnitId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "School_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "UnionGroup" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UnionGroup_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "unionGroupId" TEXT,
    "fullName" TEXT NOT NULL,
    "nameSearch" TEXT NOT NULL,
    "sortKey" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "dateOfBirth" DATE,
    "position" TEXT,
    "professionalGroup" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "joinedUnionAt" DATE,
    "contractStartAt" DATE,
    "status" "MemberStatus" NOT NULL DEFAULT 'ACTIVE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "memberId" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RoleAssignment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "schoolId" TEXT,
    "organisationId" TEXT,
    "unionGroupId" TEXT,
    "validFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validTo" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "SchoolYear" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    CONSTRAINT "SchoolYear_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "actorRole" TEXT,
    "schoolId" TEXT,
    "organisationId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "IdempotencyKey" (
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "Organisation_parentId_idx" ON "Organisation"("parentId");
CREATE UNIQUE INDEX "School_code_key" ON "School"("code");
CREATE INDEX "School_unionUnitId_idx" ON "School"("unionUnitId");
CREATE INDEX "School_govUnitId_idx" ON "School"("govUnitId");
CREATE UNIQUE INDEX "UnionGroup_schoolId_name_key" ON "UnionGroup"("schoolId", "name");
CREATE INDEX "Member_schoolId_sortKey_idx" ON "Member"("schoolId", "sortKey");
CREATE INDEX "Member_schoolId_nameSearch_idx" ON "Member"("schoolId", "nameSearch");
CREATE INDEX "Member_unionGroupId_idx" ON "Member"("unionGroupId");
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_memberId_key" ON "User"("memberId");
CREATE INDEX "RoleAssignment_userId_idx" ON "RoleAssignment"("userId");
CREATE INDEX "RoleAssignment_schoolId_idx" ON "RoleAssignment"("schoolId");
CREATE INDEX "RoleAssignment_organisationId_idx" ON "RoleAssignment"("organisationId");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE UNIQUE INDEX "SchoolYear_label_key" ON "SchoolYear"("label");
CREATE INDEX "AuditLog_schoolId_at_idx" ON "AuditLog"("schoolId", "at");
CREATE INDEX "AuditLog_organisationId_at_idx" ON "AuditLog"("organisationId", "at");
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "School" ADD CONSTRAINT "School_unionUnitId_fkey" FOREIGN KEY ("unionUnitId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "School" ADD CONSTRAINT "School_govUnitId_fkey" FOREIGN KEY ("govUnitId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "UnionGroup" ADD CONSTRAINT "UnionGroup_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Member" ADD CONSTRAINT "Member_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Member" ADD CONSTRAINT "Member_unionGroupId_fkey" FOREIGN KEY ("unionGroupId") REFERENCES "UnionGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_unionGroupId_fkey" FOREIGN KEY ("unionGroupId") REFERENCES "UnionGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Audit log: append-only, hash-chained. The chain is computed here, under an advisory lock,
-- so concurrent writers cannot fork it; ids are re-drawn under the lock so id order is
-- chain order. Time is hashed as epoch milliseconds (time-zone independent, survives
-- pg_dump/restore); jsonb's text form is canonical.
CREATE FUNCTION audit_row_hash(prev TEXT, r "AuditLog") RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    prev, r."id"::text, (extract(epoch FROM r."at") * 1000)::bigint::text,
    coalesce(r."actorUserId", ''), coalesce(r."actorRole", ''), coalesce(r."schoolId", ''),
    coalesce(r."organisationId", ''), r."action", r."entity", r."entityId",
    coalesce(r."before"::text, ''), coalesce(r."after"::text, '')), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE prev TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(727274);
  NEW."id" := nextval(pg_get_serial_sequence('"AuditLog"', 'id'));
  SELECT "hash" INTO prev FROM "AuditLog" ORDER BY "id" DESC LIMIT 1;
  NEW."prevHash" := coalesce(prev, 'GENESIS');
  NEW."hash" := audit_row_hash(NEW."prevHash", NEW);
  RETURN NEW;
END $$;

CREATE FUNCTION audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
END $$;

CREATE TRIGGER audit_chain BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION audit_chain();
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION audit_refuse();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditLog" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse();

-- Returns the first id whose stored hash does not match its recomputation (NULL when intact).
CREATE FUNCTION audit_verify() RETURNS BIGINT LANGUAGE sql STABLE AS $$
  SELECT "id" FROM (
    SELECT a."id", a."hash", a."prevHash",
           lag(a."hash", 1, 'GENESIS') OVER (ORDER BY a."id") AS expected_prev,
           audit_row_hash(a."prevHash", a) AS recomputed
    FROM "AuditLog" a) x
  WHERE x."prevHash" <> x.expected_prev OR x."hash" <> x.recomputed
  ORDER BY "id" LIMIT 1
$$;
