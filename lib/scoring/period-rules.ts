// Who is scored in a period and on which scale (issue 11). Pure: shared by the period mutations,
// the period form and the tests.
import { TITLES, isTitleCode } from "../campaigns/rules";

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
