// Hand-written migrations must produce exactly what prisma/schema declares (STACK.md §2).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations } from "@/lib/server/migrate";
import { createTestDb, type TestDb } from "./harness";
import { diffShapes, fromSchema, readDatabase, schemaFiles, type DbShape } from "./schema-diff";

let db: TestDb;
let actual: DbShape;

beforeAll(async () => {
  db = await createTestDb();
  actual = await readDatabase(db.sql);
});
afterAll(async () => {
  await db?.drop();
});

describe("migrations match prisma/schema", () => {
  it("every migration was applied to the empty database", async () => {
    const rows = await db.sql.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(listMigrations().map((m) => m.name));
  });

  it("tables, columns, types, defaults, keys, indexes and enums are the same", async () => {
    const declared = await fromSchema(schemaFiles());
    const differences = diffShapes(declared, actual);
    expect(differences, `Schema drift (write a migration for it):\n${differences.join("\n")}`).toEqual([]);
  });

  // Guards the comparison itself: a field or model added to the schema without a migration,
  // or a changed default, must be noticed and named.
  it("notices a schema change that has no migration", async () => {
    const files = schemaFiles().map(([f, text]): [string, string] => [
      f,
      text
        .replace(/model User \{\n/, "model User {\n  driftProbe String?\n")
        .replace(/(model IdempotencyKey \{[^}]*?)createdAt DateTime @default\(now\(\)\)/, "$1createdAt DateTime"),
    ]);
    files.push(["probe.prisma", "model DriftProbeTable {\n  id Int @id\n}\n"]);
    const differences = diffShapes(await fromSchema(files), actual).join("\n");
    expect(differences).toContain(`column "User"."driftProbe": declared in schema (text), missing in database`);
    expect(differences).toContain(`table "DriftProbeTable": declared in schema, missing in database`);
    expect(differences).toContain(`column "IdempotencyKey"."createdAt": schema says timestamp(3) without time zone NOT NULL;`);

    // …and the reverse: something in the database that the schema does not declare.
    const extra: DbShape = { tables: new Map(actual.tables), enums: new Map(actual.enums) };
    const user = actual.tables.get("User")!;
    extra.tables.set("User", { columns: new Map(user.columns).set("legacy", "text"), constraints: user.constraints });
    extra.tables.set("Leftover", { columns: new Map(), constraints: new Map() });
    const reverse = diffShapes(await fromSchema(schemaFiles()), extra).join("\n");
    expect(reverse).toContain(`column "User"."legacy": in database (text), not declared in schema`);
    expect(reverse).toContain(`table "Leftover": in database, not declared in schema`);
  });
});
