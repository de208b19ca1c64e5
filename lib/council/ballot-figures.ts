// Rule 13 (DOMAIN.md §6): record ballots issued, returned, valid, agree and % agree. One pure
// function gives the figures the meeting page and the minutes (biên bản) both print, so the two
// can never disagree. "% đồng ý" is of the rule's base (those present, or all members for
// provincial and national proposals: `baseCount`), the same base the pass threshold uses.
import { formatPercent } from "../format";

export interface BallotCounts {
  issued: number;
  returned: number;
  valid: number;
  agree: number;
  /** The base of the pass threshold: members present, or all members (rule 13). */
  baseCount: number;
}

export interface BallotFigures extends BallotCounts {
  /** agree / baseCount in percent, two decimals (0 when the base is 0). */
  percentAgree: number;
  /** "66,67%" (Vietnamese decimal comma). */
  percentText: string;
  /** "7/9" */
  agreeText: string;
}

export function ballotFigures(c: BallotCounts): BallotFigures {
  const percentAgree = c.baseCount > 0 ? Math.round((c.agree * 10000) / c.baseCount) / 100 : 0;
  return { ...c, percentAgree, percentText: formatPercent(percentAgree, 2, true), agreeText: `${c.agree}/${c.baseCount}` };
}
