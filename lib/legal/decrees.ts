// The decree detailing the Law on Emulation and Commendation (Luật Thi đua, khen thưởng) that is
// in force for a period: a period is judged under the instrument in force when it ends
// (issue 11: the eligibility page cited the replaced Decree 91/2017 "đã được thay thế bởi
// 98/2023", while Decree 152/2025 has replaced 98/2023 — DOMAIN.md). Pure, no I/O.

export interface Decree {
  /** "152/2025/NĐ-CP" */
  number: string;
  /** Signing day (yyyy-mm-dd) when known; printed as "ngày dd/mm/yyyy". */
  signedOn: string | null;
  /** First day in force (yyyy-mm-dd). */
  inForceFrom: string;
}

/**
 * Oldest first. Each one is in force from its date until the next one's. The date 152/2025 took
 * effect (1 July 2025, with the two-tier local government) is the app's reading: correct it here,
 * in this one place, if the published text says otherwise.
 */
export const DECREES: readonly Decree[] = [
  { number: "91/2017/NĐ-CP", signedOn: "2017-07-31", inForceFrom: "2017-10-01" },
  { number: "98/2023/NĐ-CP", signedOn: "2023-12-31", inForceFrom: "2024-01-01" },
  { number: "152/2025/NĐ-CP", signedOn: null, inForceFrom: "2025-07-01" },
];

/** Where a setting's or a rule's basis names "the decree", resolved for the period by citeDecree. */
export const DECREE_TOKEN = "{nghị định}";

export interface LegalBasis {
  decree: Decree;
  /** "Nghị định 152/2025/NĐ-CP" (in a basis line). */
  citation: string;
  /** "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ" (in a document's "Căn cứ"). */
  formal: string;
}

function isoDay(d: Date | string): string {
  return typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10);
}

function dmy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The decree in force on the last day of the period judged (the oldest one before 2017). */
export function legalBasisFor(periodEnd: Date | string): LegalBasis {
  const on = isoDay(periodEnd);
  const decree = [...DECREES].reverse().find((d) => d.inForceFrom <= on) ?? DECREES[0];
  return {
    decree,
    citation: `Nghị định ${decree.number}`,
    formal: `Nghị định số ${decree.number}${decree.signedOn ? ` ngày ${dmy(decree.signedOn)}` : ""} của Chính phủ`,
  };
}

/** Replaces DECREE_TOKEN in a basis text by the decree in force for the period. */
export function citeDecree(text: string, periodEnd: Date | string): string {
  return text.includes(DECREE_TOKEN) ? text.split(DECREE_TOKEN).join(legalBasisFor(periodEnd).citation) : text;
}
