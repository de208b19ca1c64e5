// Sentences of a plan's text that restate one of its structured fields (issue 11: after an
// amendment moved the monthly joint meeting from the 5th to the 10th, the signed text still said
// "ngày 05 hằng tháng"). The field is the truth: when it changes, the sentences are generated from
// it again (lib/plans/mutations.ts updateHeader); a plan whose text still disagrees with a field
// (the text edited by hand) cannot be sent for signing, and the refusal names the sentence. Pure.
import type { PlanContent, SectionContent } from "./content";

/** "ngày 05 hằng tháng" / "ngày 5 hàng tháng": the monthly meeting day restated in the text. */
const MEETING_DAY = /(ngày\s+)(\d{1,2})(\s+h[ằà]ng\s+tháng)/giu;

/** The day as the text writes it ("05"). */
export function meetingDayText(day: number): string {
  return String(day).padStart(2, "0");
}

/** The body with every restatement of the meeting day generated from `day`. */
export function restateMeetingDay(body: string, day: number): string {
  return body.replace(MEETING_DAY, (_all, before: string, _n: string, after: string) => `${before}${meetingDayText(day)}${after}`);
}

export interface Restatement {
  sectionKey: string;
  sectionTitle: string;
  /** The line of the text that disagrees, as written. */
  sentence: string;
  /** What the field says, in words. */
  expected: string;
}

/** Every line of the text that restates a field with another value. */
export function restatementMismatches(content: Pick<PlanContent, "header" | "sections">): Restatement[] {
  const out: Restatement[] = [];
  const day = content.header.meetingDay;
  for (const s of content.sections) {
    for (const line of s.body.split("\n")) {
      for (const m of line.matchAll(MEETING_DAY)) {
        if (Number(m[2]) !== day) {
          out.push({ sectionKey: s.key, sectionTitle: s.title, sentence: line.trim(), expected: `ngày ${meetingDayText(day)} hằng tháng` });
          break;
        }
      }
    }
  }
  return out;
}

/** The refusal shown when sending for signing while the text disagrees with a field. */
export function restatementMessage(list: Restatement[]): string {
  const first = list[0];
  return `Nội dung mục "${first.sectionTitle}" chưa khớp với ngày họp liên tịch đã chọn (${first.expected}): "${first.sentence}". Hãy sửa câu này trước khi trình ký.`;
}

/** Sections whose body changes when the meeting day becomes `day` (with their new body). */
export function sectionsRestated<T extends Pick<SectionContent, "body">>(sections: T[], day: number): { section: T; body: string }[] {
  return sections.map((section) => ({ section, body: restateMeetingDay(section.body, day) })).filter((x) => x.body !== x.section.body);
}
