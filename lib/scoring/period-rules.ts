// Who is scored in a period and on which scale (issue 11). Pure: shared by the period mutations,
// the period form and the tests.
import { TITLES, isTitleCode } from "../campaigns/rules";
import { compareVietnamese } from "../format";

/**
 * Does registration decide who gets a sheet? Yes when the campaign offers an individual title to
 * register for (members register for titles, DOMAIN.md §2: only those registered compete). A
 * campaign that offers only collective titles scores its whole audience.
 */
export function sheetsByRegistration(titles: readonly string[]): boolean {
  return titles.some((t) => isTitleCode(t) && !TITLES[t].collective);
}

/**
 * The scale version the period form proposes: the campaign's own scale (its newest adopted
 * version) when it has one among the school's adopted versions, else the first one listed.
 */
export function defaultScaleVersionId(versions: readonly { id: string; scaleId: string; number: number }[], campaignScaleId: string | null | undefined): string | undefined {
  const own = versions.filter((v) => v.scaleId === campaignScaleId).sort((a, b) => b.number - a.number)[0];
  return own?.id ?? versions[0]?.id;
}

/** The name a period's lists and tables give members who are in no union group (as on the member's record). */
export const NO_GROUP_NAME = "Chưa xếp tổ";

/**
 * The rows of "Xếp loại theo tổ" in reading order: union groups by name the Vietnamese way
 * (lib/format.ts compareVietnamese: "Tổ CĐ Khối 1–2" before "Tổ CĐ Văn phòng", "Đ…" after "D…"),
 * the members in no group ({@link NO_GROUP_NAME}) last. Returns a new array.
 */
export function groupRowsInOrder<T extends { groupName: string }>(rows: readonly T[]): T[] {
  const last = (r: T) => (r.groupName === NO_GROUP_NAME ? 1 : 0);
  return [...rows].sort((a, b) => last(a) - last(b) || compareVietnamese(a.groupName, b.groupName));
}
