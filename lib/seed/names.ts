// Deterministic fictional Vietnamese names for the demo data (no I/O, no Math.random), so
// the same seed always gives the same people and tests can rely on them.
import { cleanText, foldVietnamese } from "../format";

export type SeedGender = "NAM" | "NU";

/** Family names, weighted roughly by how common they are (Nguyễn far ahead). */
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ["Nguyễn", 30],
  ["Trần", 11],
  ["Lê", 9],
  ["Phạm", 7],
  ["Hoàng", 5],
  ["Huỳnh", 3],
  ["Phan", 4],
  ["Vũ", 4],
  ["Võ", 4],
  ["Đặng", 3],
  ["Bùi", 3],
  ["Đỗ", 3],
  ["Hồ", 2],
  ["Ngô", 2],
  ["Dương", 2],
  ["Lý", 1],
];

/** Middle names that mark a woman's name ("Thị" above all). */
export const FEMALE_MIDDLE_NAMES: readonly string[] = [
  "Thị", "Thị", "Thị", "Thị", "Thị Thanh", "Thị Mỹ", "Thị Kim", "Thị Thu", "Thị Ngọc",
  "Thị Hồng", "Thị Minh", "Thu", "Ngọc", "Thanh", "Kim", "Hồng", "Bích",
];

/** Middle names that mark a man's name ("Văn" above all). */
export const MALE_MIDDLE_NAMES: readonly string[] = [
  "Văn", "Văn", "Văn", "Hữu", "Đức", "Quốc", "Minh", "Công", "Xuân", "Quang", "Đình", "Trọng", "Anh",
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  "Hoa", "Lan", "Hương", "Tâm", "Linh", "Thủy", "Trang", "Hà", "Yến", "Phương", "Nga", "Nhung",
  "Thảo", "Hạnh", "Mai", "Hằng", "Huyền", "Dung", "Loan", "Ngân", "Oanh", "Quyên", "Thúy",
  "Vân", "Xuân", "Hiền", "Liên", "Ly", "Nhàn", "Duyên", "Giang", "Hòa", "Chi", "Anh", "Bình",
];

export const MALE_GIVEN_NAMES: readonly string[] = [
  "Hùng", "Dũng", "Tuấn", "Minh", "Sơn", "Hải", "Long", "Bình", "Nam", "Quang", "Thắng",
  "Cường", "Hiếu", "Khánh", "Phúc", "Trung", "Việt", "Thành", "Tài", "Đạt", "Hưng", "Toàn", "Tâm",
];

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for demo data, fully reproducible. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number seed from a string ("sch_sta" → stable integer), FNV-1a. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

export function pickWeighted<T>(rng: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** Whole number in [min, max]. */
export function intBetween(rng: () => number, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export interface GeneratedName {
  fullName: string;
  familyName: string;
  middleName: string;
  givenName: string;
  gender: SeedGender;
}

export interface NameOptions {
  /** Share of women, 0…1 (schools are about 75% women; kindergartens nearly all). */
  femaleShare?: number;
  /**
   * Names to stay clear of: a candidate is rejected when its folded form contains any of these
   * (folded) strings, so search tests on "Nguyễn Thị Thanh Tâm" or "Đỗ Thị Đào" hit only the
   * people placed on purpose. Also keeps every generated name unique within `taken`.
   */
  avoid?: readonly string[];
  /** Full names already used (shared across calls to keep names unique in the whole seed). */
  taken?: Set<string>;
}

/** One name of the given gender. */
export function generateName(rng: () => number, gender: SeedGender): GeneratedName {
  const familyName = pickWeighted(rng, FAMILY_NAMES);
  const middleName = pick(rng, gender === "NU" ? FEMALE_MIDDLE_NAMES : MALE_MIDDLE_NAMES);
  const givenName = pick(rng, gender === "NU" ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
  const fullName = cleanText(`${familyName} ${middleName} ${givenName}`);
  return { fullName, familyName, middleName, givenName, gender };
}

/**
 * A source of distinct names of a requested gender, drawing from `rng`. Names in `taken` or
 * containing an `avoid` string (both compared folded) are skipped; each name returned is added
 * to `taken`.
 */
export function createNameGenerator(
  rng: () => number,
  options: Pick<NameOptions, "avoid" | "taken"> = {},
): (gender: SeedGender) => GeneratedName {
  const avoid = (options.avoid ?? []).map(foldVietnamese);
  const taken = options.taken ?? new Set<string>();
  const takenFolded = new Set([...taken].map(foldVietnamese));
  return (gender) => {
    for (let tries = 0; tries < 10_000; tries++) {
      const person = generateName(rng, gender);
      const folded = foldVietnamese(person.fullName);
      if (takenFolded.has(folded) || avoid.some((a) => folded.includes(a))) continue;
      taken.add(person.fullName);
      takenFolded.add(folded);
      return person;
    }
    throw new Error("createNameGenerator: not enough distinct names");
  };
}

/**
 * `count` distinct people from `seed`: same seed and options, same list. Gender is drawn first
 * (by `femaleShare`), then a middle name that matches it.
 */
export function generatePeople(seed: number, count: number, options: NameOptions = {}): GeneratedName[] {
  const rng = createRng(seed);
  const femaleShare = options.femaleShare ?? 0.75;
  const next = createNameGenerator(rng, options);
  const out: GeneratedName[] = [];
  for (let i = 0; i < count; i++) out.push(next(rng() < femaleShare ? "NU" : "NAM"));
  return out;
}

/** The gender a middle name implies, or null when it is not one of ours. */
export function genderOfMiddleName(middleName: string): SeedGender | null {
  if (FEMALE_MIDDLE_NAMES.includes(middleName)) return "NU";
  if (MALE_MIDDLE_NAMES.includes(middleName)) return "NAM";
  return null;
}
