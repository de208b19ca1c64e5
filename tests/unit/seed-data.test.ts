// The pure parts of the demo data: the name generator and the member list (no database).
import { describe, expect, it } from "vitest";
import { foldVietnamese, vietnameseSortKey } from "@/lib/format";
import {
  FEMALE_MIDDLE_NAMES,
  MALE_MIDDLE_NAMES,
  createRng,
  genderOfMiddleName,
  generatePeople,
  seedFrom,
} from "@/lib/seed/names";
import { DEMO, DEMO_ACCOUNTS, DEMO_PASSWORD, buildDemoMembers } from "@/lib/seed/demo";

const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe("name generator", () => {
  it("is deterministic: same seed, same people", () => {
    expect(generatePeople(42, 50)).toEqual(generatePeople(42, 50));
    expect(generatePeople(42, 50)).not.toEqual(generatePeople(43, 50));
    const a = createRng(seedFrom("sch_sta"));
    const b = createRng(seedFrom("sch_sta"));
    for (let i = 0; i < 20; i++) expect(a()).toBe(b());
  });

  it("gives each person a middle name that matches the gender", () => {
    for (const p of generatePeople(7, 400)) {
      expect(genderOfMiddleName(p.middleName)).toBe(p.gender);
      if (p.middleName.split(" ")[0] === "Thị") expect(p.gender).toBe("NU");
      if (p.middleName === "Văn") expect(p.gender).toBe("NAM");
      expect(p.fullName).toBe(`${p.familyName} ${p.middleName} ${p.givenName}`);
    }
    const overlap = FEMALE_MIDDLE_NAMES.filter((m) => MALE_MIDDLE_NAMES.includes(m));
    expect(overlap).toEqual([]);
  });

  it("keeps names distinct and stays clear of the avoided ones", () => {
    const people = generatePeople(1, 300, { avoid: ["thanh tam", "Đỗ Thị Đào"] });
    expect(new Set(people.map((p) => p.fullName)).size).toBe(300);
    for (const p of people) {
      expect(foldVietnamese(p.fullName)).not.toContain("thanh tam");
      expect(foldVietnamese(p.fullName)).not.toContain("do thi dao");
    }
  });

  it("draws mostly women when asked to", () => {
    const women = generatePeople(3, 1000, { femaleShare: 0.75 }).filter((p) => p.gender === "NU").length;
    expect(women).toBeGreaterThan(700);
    expect(women).toBeLessThan(800);
  });
});

describe("demo members", () => {
  const members = buildDemoMembers();

  it("is the same on every call", () => {
    expect(buildDemoMembers()).toEqual(members);
  });

  it("has the planned size per school: 175 in Sơn Thủy, 12 in Bắc Sơn", () => {
    const bySchool = new Map<string, number>();
    for (const m of members) bySchool.set(m.schoolId, (bySchool.get(m.schoolId) ?? 0) + 1);
    expect(Object.fromEntries(bySchool)).toEqual(DEMO.schoolSizes);
    expect(members.filter((m) => m.schoolId !== DEMO.schools.BS)).toHaveLength(175);
    expect(new Set(members.map((m) => m.id)).size).toBe(members.length);
    expect(new Set(members.map((m) => m.fullName)).size).toBe(members.length);
  });

  it("writes names in NFC with diacritics, and search fields derived from them", () => {
    for (const m of members) {
      expect(m.fullName).toBe(m.fullName.normalize("NFC"));
      expect(m.fullName).toMatch(VIETNAMESE_LETTERS);
      expect(m.fullName.split(" ").length).toBeGreaterThanOrEqual(3);
      expect(m.nameSearch).toBe(foldVietnamese(m.fullName));
      expect(m.sortKey).toBe(vietnameseSortKey(m.fullName));
    }
  });

  it("matches genders to middle names and is about three quarters women", () => {
    for (const m of members) {
      const middle = m.fullName.split(" ").slice(1, -1).join(" ");
      expect(genderOfMiddleName(middle), m.fullName).toBe(m.gender);
    }
    const share = members.filter((m) => m.gender === "NU").length / members.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.82);
  });

  it("keeps dates plausible: born 1968–1999, joined the union after the contract started", () => {
    for (const m of members) {
      const born = m.dateOfBirth.getUTCFullYear();
      expect(born).toBeGreaterThanOrEqual(1968);
      expect(born).toBeLessThanOrEqual(1999);
      expect(m.joinedUnionAt.getTime()).toBeGreaterThanOrEqual(m.contractStartAt.getTime());
      if (m.id !== DEMO.members.STA_RECRUIT_2025) expect(m.contractStartAt.getTime()).toBeLessThan(Date.UTC(2024, 8, 5));
    }
  });

  it("places the people tests rely on", () => {
    const byId = new Map(members.map((m) => [m.id, m]));
    const get = (id: string) => byId.get(id)!;
    expect(get(DEMO.members.STA_CHAIR)).toMatchObject({ fullName: "Nguyễn Thị Thanh Tâm", schoolId: DEMO.schools.STA });
    expect(get(DEMO.members.STA_PRINCIPAL)).toMatchObject({ fullName: "Hoàng Văn Minh", position: "Hiệu trưởng", gender: "NAM" });
    expect(get(DEMO.members.STA_GROUP_LEADER)).toMatchObject({ fullName: "Trần Thị Mỹ Linh", unionGroupId: DEMO.groups.STA_K12 });
    expect(get(DEMO.members.STA_MEMBER)).toMatchObject({ fullName: "Lê Văn Tuấn", unionGroupId: DEMO.groups.STA_K12 });
    expect(get(DEMO.members.STA_MATERNITY)).toMatchObject({ schoolId: DEMO.schools.STA, status: "MATERNITY_LEAVE", gender: "NU" });
    expect(get(DEMO.members.STA_RECRUIT_2025).contractStartAt).toEqual(new Date(Date.UTC(2025, 2, 3)));
    expect(get(DEMO.members.KD_THANH_TAM)).toMatchObject({ fullName: "Nguyễn Thị Thanh Tám", schoolId: DEMO.schools.KD });
    expect(get(DEMO.members.HM_DAO).fullName).toBe("Đỗ Thị Đào");
    expect(get(DEMO.members.LQD_LEFT).status).toBe("LEFT");
    expect(get(DEMO.members.NT_ON_LEAVE).status).toBe("ON_LEAVE");
    // Search "thanh tam" finds exactly Tâm and Tám; "do thi dao" exactly Đào.
    expect(members.filter((m) => m.nameSearch.includes("thanh tam")).map((m) => m.id).sort()).toEqual(
      [DEMO.members.KD_THANH_TAM, DEMO.members.STA_CHAIR].sort(),
    );
    expect(members.filter((m) => m.nameSearch.includes("do thi dao")).map((m) => m.id)).toEqual([DEMO.members.HM_DAO]);
  });

  it("lists demo accounts with the shared password", () => {
    expect(DEMO_PASSWORD).toBe("ThiDua@2025");
    expect(DEMO_ACCOUNTS.map((a) => a.email)).toContain("chutich.sta@thidua.test");
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.email)).size).toBe(DEMO_ACCOUNTS.length);
  });
});
