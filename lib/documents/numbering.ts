// Số, ký hiệu of outgoing documents (Nghị định 30/2020/NĐ-CP, Điều 15 and Phụ lục I): numbers
// run from 01 each calendar year per issuer, written "12/TTr-CĐCS". The counter row
// (DocumentCounter) is taken with one atomic upsert, so two submissions racing get two numbers.
import type { Prisma } from "../generated/prisma/client";
import { foldVietnamese } from "../format";

type Tx = Prisma.TransactionClient;

/** "12/TTr-CĐCS": numbers below 10 take a leading zero (01, 02…). */
export function formatDocNumber(n: number, symbol: string): string {
  return `${String(n).padStart(2, "0")}/${symbol}`;
}

const SKIP = new Set(["trường", "truong"]);

/**
 * The initials of a unit's name for its symbol: "Trường Tiểu học Sơn Thủy A" → "THSTA",
 * "THCS Lê Quý Đôn" → "THCSLQĐ" (Đ kept, as on real papers).
 */
export function unitInitials(name: string): string {
  return name
    .normalize("NFC")
    .split(/[\s–-]+/)
    .filter((w) => w && !SKIP.has(w.toLocaleLowerCase("vi-VN")))
    .map((w) => (/^[A-ZĐ]{2,}$/.test(w) ? w : w[0] === "Đ" || w[0] === "đ" ? "Đ" : foldVietnamese(w[0]).toUpperCase()))
    .join("");
}

/** Symbols used by the app. */
export const SYMBOLS = {
  /** Tờ trình of the grassroots union (union route, signed TM. BCH / CHỦ TỊCH). */
  unionCover: "TTr-CĐCS",
  /** Tờ trình of the school (government route, signed by the principal). */
  schoolCover: (schoolName: string) => `TTr-${unitInitials(schoolName)}`,
  /** Biên bản of the school's emulation council. */
  councilMinutes: "BB-HĐTĐKT",
} as const;

/**
 * The next number of `symbol` for `issuerKey` in `year`. Atomic (INSERT … ON CONFLICT DO UPDATE):
 * call inside the transaction that stores the number, so a rollback gives the number back.
 */
export async function nextDocumentNumber(tx: Tx, x: { issuerKey: string; year: number; symbol: string }): Promise<{ number: string; year: number }> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "DocumentCounter" ("issuerKey", "year", "symbol", "last") VALUES (${x.issuerKey}, ${x.year}, ${x.symbol}, 1)
    ON CONFLICT ("issuerKey", "year", "symbol") DO UPDATE SET "last" = "DocumentCounter"."last" + 1
    RETURNING "last"`;
  return { number: formatDocNumber(Number(rows[0].last), x.symbol), year: x.year };
}

/**
 * The counter of a package's tờ trình: the grassroots union's ("TTr-CĐCS") on the union route, the
 * school's ("TTr-THSTA") on the government route; per school and calendar year.
 */
export function coverNumbering(p: { schoolId: string; route?: string | null; school: { name: string } }, at: Date): { issuerKey: string; year: number; symbol: string } {
  return p.route === "STATE"
    ? { issuerKey: `school:${p.schoolId}`, year: at.getUTCFullYear(), symbol: SYMBOLS.schoolCover(p.school.name) }
    : { issuerKey: `cdcs:${p.schoolId}`, year: at.getUTCFullYear(), symbol: SYMBOLS.unionCover };
}
