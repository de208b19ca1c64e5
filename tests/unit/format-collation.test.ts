// One Vietnamese collation (issue 11): Đ after D, ă/â after a, tones in their order, the same in
// JavaScript, in the stored Member.sortKey and in the SQL function the migration backfills with.
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byVietnameseName, compareVietnamese, compareVietnameseNames, vietnameseSortKey } from "@/lib/format";

const NAMES = [
  "Đặng Văn An", "Dương Văn An", "Đỗ Thị Em", "Dương Thị Yến", "Đinh Thị Zung", "Ông Văn Út", "Ưng Thị Ư",
  "Lê Văn Àn", "Lê Văn Ản", "Lê Văn Ãn", "Lê Văn Án", "Lê Văn Ạn", "Lê Văn Ăn", "Lê Văn Ân", "Lê Văn An",
  "Nguyễn Thị Thanh Tâm", "Nguyễn Thị Thanh Tám", "Trần Zung", "Nguyễn Văn Đức", "Nguyễn Văn Dũng", "Phạm Văn Dung",
  "ĐẶNG THỊ HÀ", "hoàng thị hà", "Nguyễn  Thị   Hà", "Vũ-Lê Hà", "Nguyễn Văn Hùng 2", "Lò Văn Ơn", "Lò Văn On", "Lò Văn Ôn",
];

describe("Vietnamese collation", () => {
  it("puts Đ after D and before E, whatever the tones", () => {
    const words = ["Đặng", "Dương", "Dung", "Em", "Da", "Đa", "Đà", "Zung", "Ê"];
    expect([...words].sort(compareVietnamese)).toEqual(["Da", "Dung", "Dương", "Đa", "Đà", "Đặng", "Em", "Ê", "Zung"]);
  });

  it("orders tones ngang, huyền, hỏi, ngã, sắc, nặng and the letters a ă â, o ô ơ, u ư", () => {
    const names = ["Lê Văn Ân", "Lê Văn Ạn", "Lê Văn Án", "Lê Văn Ăn", "Lê Văn Ãn", "Lê Văn Ản", "Lê Văn Àn", "Lê Văn An"];
    expect([...names].sort(compareVietnameseNames)).toEqual(["Lê Văn An", "Lê Văn Àn", "Lê Văn Ản", "Lê Văn Ãn", "Lê Văn Án", "Lê Văn Ạn", "Lê Văn Ăn", "Lê Văn Ân"]);
    expect(["Ơn", "Ôn", "On", "Ư", "U"].sort(compareVietnamese)).toEqual(["On", "Ôn", "Ơn", "U", "Ư"]);
  });

  it("sorts by given name first, then family name: Dương Văn An < Đặng Văn An < Lê Văn An", () => {
    expect(["Lê Văn An", "Đặng Văn An", "Dương Văn An"].sort(compareVietnameseNames)).toEqual(["Dương Văn An", "Đặng Văn An", "Lê Văn An"]);
    expect(["Nguyễn Văn Đức", "Nguyễn Văn Dũng", "Phạm Văn Dung", "Trần Zung"].sort(compareVietnameseNames)).toEqual(["Phạm Văn Dung", "Nguyễn Văn Dũng", "Nguyễn Văn Đức", "Trần Zung"]);
  });

  it("agrees with the CLDR Vietnamese collation (Intl.Collator('vi')) word by word", () => {
    const words = [...new Set(NAMES.flatMap((n) => n.split(/[\s-]+/)))].filter((w) => !/\d/.test(w));
    const icu = new Intl.Collator("vi", { sensitivity: "accent" });
    const ours = [...words].sort(compareVietnamese);
    for (let i = 1; i < ours.length; i++) expect(icu.compare(ours[i - 1], ours[i]), `${ours[i - 1]} ≤ ${ours[i]}`).toBeLessThanOrEqual(0);
  });

  it("sorts schools and units by name word by word: Đoàn Kết after Dương Xá, before Yên Viên", () => {
    const rows = ["Trường Tiểu học Yên Viên", "Trường Tiểu học Đoàn Kết", "Trường Tiểu học Dương Xá", "Trường Tiểu học Ánh Dương"].map((name) => ({ name }));
    expect(byVietnameseName(rows).map((r) => r.name)).toEqual(["Trường Tiểu học Ánh Dương", "Trường Tiểu học Dương Xá", "Trường Tiểu học Đoàn Kết", "Trường Tiểu học Yên Viên"]);
  });

  it("is plain ASCII, so byte order (PostgreSQL C collation, PGlite) is Vietnamese order", () => {
    const keys = NAMES.map(vietnameseSortKey);
    for (const k of keys) expect(k).toMatch(/^[a-z]*$/);
    const byBytes = [...NAMES].sort((a, b) => Buffer.compare(Buffer.from(vietnameseSortKey(a)), Buffer.from(vietnameseSortKey(b))));
    expect(byBytes).toEqual([...NAMES].sort(compareVietnameseNames));
    expect(vietnameseSortKey("Nguyễn  Thị   Hà".normalize("NFD"))).toBe(vietnameseSortKey("Nguyễn Thị Hà"));
  });
});

describe("the migration's SQL vi_sort_key equals the app's key (backfill of existing rows)", () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
    const sql = readFileSync("prisma/migrations/20261202150000_vietnamese_sort_key/migration.sql", "utf8");
    await db.exec(sql.slice(0, sql.indexOf('UPDATE "Member"')));
  }, 180_000); // PGlite starts in seconds, slower on a loaded machine
  afterAll(async () => db?.close());

  it("gives the same key for every name, and ORDER BY sorts Đặng after Dương", async () => {
    for (const name of [...NAMES, "", "  Đ ", "Nguyễn Thị Thanh Tâm".normalize("NFD")]) {
      const r = await db.query<{ k: string }>("SELECT vi_sort_key($1) AS k", [name]);
      expect(r.rows[0].k, name).toBe(vietnameseSortKey(name));
    }
    await db.exec(`CREATE TABLE m (name text); INSERT INTO m VALUES ('Trần Zung'), ('Đặng Văn Zung'), ('Dương Văn Zung'), ('Đinh Văn Em')`);
    const r = await db.query<{ name: string }>("SELECT name FROM m ORDER BY vi_sort_key(name), name");
    expect(r.rows.map((x) => x.name)).toEqual(["Đinh Văn Em", "Dương Văn Zung", "Đặng Văn Zung", "Trần Zung"]);
  }, 60_000);
});
