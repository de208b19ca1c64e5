// The issuer's heading in the top-left corner (Nghị định 30/2020, Phụ lục I: "tên cơ quan, tổ
// chức ban hành văn bản"): a long name goes over two or three lines, but never breaks a proper
// name ("…HUYỆN SƠN / THỦY"): lines break only between words, preferably before the place
// ("CÔNG ĐOÀN GIÁO DỤC / HUYỆN SƠN THỦY") or after the kind of school ("TRƯỜNG TIỂU HỌC /
// SƠN THỦY A"); when even that does not fit, the font shrinks a little. Pure: the PDF renderers
// pass pdfkit's measure, the tests a fake one.

/** Width of `text` at font size `size`, in the same unit as the column width. */
export type Measure = (text: string, size: number) => number;

/** Words that start a place name: the place that follows stays on one line with them. */
const PLACE = ["THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "HUYỆN", "QUẬN", "TỈNH", "PHƯỜNG", "XÃ"];
/** Kinds of body or school: the proper name that follows stays on one line. */
const KIND = ["TRUNG HỌC PHỔ THÔNG", "TRUNG HỌC CƠ SỞ", "TIỂU HỌC", "MẦM NON", "THPT", "THCS", "TH&THCS", "PTDTBT", "LIÊN CẤP"];
/** Words that belong together inside a body's name. */
const PAIRS = ["BAN CHẤP HÀNH", "CÔNG ĐOÀN", "GIÁO DỤC", "ĐÀO TẠO", "LAO ĐỘNG", "LIÊN ĐOÀN", "NHÂN DÂN", "ỦY BAN", "CƠ SỞ", "VIỆT NAM", "PHỔ THÔNG", "DÂN TỘC", "BÁN TRÚ", "NỘI TRÚ", "THƯỜNG VỤ"];

interface Group {
  text: string;
  /** A break before this group is a good one (before a place, after the kind of school). */
  goodBreakBefore: boolean;
}

function startsWithAny(words: string[], i: number, list: string[]): string | null {
  for (const k of list) {
    const kw = k.split(" ");
    if (kw.every((w, j) => (words[i + j] ?? "").toLocaleUpperCase("vi-VN") === w)) return k;
  }
  return null;
}

/** The name as groups that are never split (a place with its name, a school's proper name…). */
export function headingGroups(line: string): Group[] {
  const words = line.trim().split(/\s+/).filter(Boolean);
  const groups: Group[] = [];
  let i = 0;
  while (i < words.length) {
    const place = startsWithAny(words, i, PLACE);
    if (place) {
      // The place keyword and every word up to the next place keyword.
      let j = i + place.split(" ").length;
      while (j < words.length && !startsWithAny(words, j, PLACE)) j++;
      groups.push({ text: words.slice(i, j).join(" "), goodBreakBefore: true });
      i = j;
      continue;
    }
    const kind = startsWithAny(words, i, KIND);
    if (kind) {
      const n = kind.split(" ").length;
      groups.push({ text: words.slice(i, i + n).join(" "), goodBreakBefore: false });
      // The school's own name: every word up to a place keyword.
      let j = i + n;
      while (j < words.length && !startsWithAny(words, j, PLACE)) j++;
      if (j > i + n) groups.push({ text: words.slice(i + n, j).join(" "), goodBreakBefore: true });
      i = j;
      continue;
    }
    const pair = startsWithAny(words, i, PAIRS);
    const n = pair ? pair.split(" ").length : 1;
    groups.push({ text: words.slice(i, i + n).join(" "), goodBreakBefore: false });
    i += n;
  }
  return groups;
}

/**
 * The line with the spaces inside each group made non-breaking (U+00A0), for renderers that wrap
 * on their own (the Word file, HTML): they may then break only between groups, never inside a
 * place or a school's proper name ("TRƯỜNG TIỂU HỌC SƠN THỦY A" never ends "…SƠN / THỦY A").
 */
export function unbreakableGroups(line: string): string {
  return headingGroups(line)
    .map((g) => g.text.replace(/ /g, "\u00a0"))
    .join(" ");
}

interface Split {
  lines: string[];
  badBreaks: number;
  widest: number;
}

/** The best way to put the groups on at most `maxLines` lines of `width`, or null. */
function bestSplit(groups: Group[], width: number, size: number, measure: Measure, maxLines: number): Split | null {
  const n = groups.length;
  if (n === 0) return { lines: [], badBreaks: 0, widest: 0 };
  let best: Split | null = null;
  // Each of the n-1 gaps is a break or not; names are short, so trying them all is cheap.
  const limit = n > 14 ? 0 : 1 << (n - 1);
  for (let mask = 0; mask < limit || (limit === 0 && mask === 0); mask++) {
    const lines: string[] = [];
    let bad = 0;
    let cur: string[] = [groups[0].text];
    for (let g = 1; g < n; g++) {
      if (limit && mask & (1 << (g - 1))) {
        lines.push(cur.join(" "));
        cur = [groups[g].text];
        if (!groups[g].goodBreakBefore) bad++;
      } else cur.push(groups[g].text);
    }
    lines.push(cur.join(" "));
    if (lines.length > maxLines) continue;
    const widths = lines.map((l) => measure(l, size));
    const widest = Math.max(...widths);
    if (widest > width) continue;
    const better = !best || lines.length < best.lines.length || (lines.length === best.lines.length && (bad < best.badBreaks || (bad === best.badBreaks && widest < best.widest)));
    if (better) best = { lines, badBreaks: bad, widest };
  }
  return best;
}

export interface FittedHeading {
  lines: string[];
  size: number;
}

/**
 * Lines of a heading that fit `width`: the caller's own line breaks ("\n") are kept; each line is
 * broken between groups (never inside a place or a school's name), at most `maxLines` lines per
 * given line, at the largest size of `sizes` where that works. As a last resort (a single word
 * wider than the column) the smallest size with breaks between any words.
 */
export function fitHeading(text: string, width: number, measureText: Measure, sizes: number[] = [12, 11.5, 11, 10.5, 10], maxLines = 2): FittedHeading {
  const memo = new Map<string, number>();
  const measure: Measure = (t, size) => {
    const k = `${size}|${t}`;
    let w = memo.get(k);
    if (w === undefined) memo.set(k, (w = measureText(t, size)));
    return w;
  };
  const given = text.split("\n").map((l) => l.trim()).filter(Boolean);
  for (const size of sizes) {
    const out: string[] = [];
    let ok = true;
    for (const line of given) {
      if (measure(line, size) <= width) {
        out.push(line);
        continue;
      }
      const split = bestSplit(headingGroups(line), width, size, measure, maxLines) ?? bestSplit(headingGroups(line), width, size, measure, maxLines + 1);
      if (!split) {
        ok = false;
        break;
      }
      out.push(...split.lines);
    }
    if (ok) return { lines: out, size };
  }
  // Nothing fits unbroken: words as groups at the smallest size (still never inside a word).
  const size = sizes[sizes.length - 1];
  const out: string[] = [];
  for (const line of given) {
    const words = line.split(/\s+/).map((w) => ({ text: w, goodBreakBefore: true }));
    out.push(...(bestSplit(words, width, size, measure, 4)?.lines ?? [line]));
  }
  return { lines: out, size };
}
