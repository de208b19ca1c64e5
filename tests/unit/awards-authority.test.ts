// Who decides what (DOMAIN.md §5 "Who decides"), written from the domain text, not from the table:
// state titles and state forms go to the government side on the principal's proposal (after
// July 2025 the commune decides LĐTT and Giấy khen; higher titles go up); union forms go to that
// union body on the union chair's proposal.
import { describe, expect, it } from "vitest";
import { AUTHORITY_DEFAULTS, decidingBody, routeKey, unionDecidableCodes, unionUnitMayDecide, type AuthorityRow } from "@/lib/awards/authority";
import { CATALOGUE_ENTRIES } from "@/lib/awards/catalogue";

const commune = { manager: "UBND_XA" as const };
const district = { manager: "PHONG_GD" as const };
const department = { manager: "SO_GD" as const };
const AFTER = "2026-06-15";
const BEFORE = "2025-05-20";

describe("decidingBody: state titles go to the government side, proposed by the principal", () => {
  it.each(["LDTT", "CSTDCS", "TT_LDTT"])("%s for a commune-managed school after July 2025: the commune People's Committee chairman", (code) => {
    const v = decidingBody(code, commune, AFTER)!;
    expect(v).toMatchObject({ side: "STATE", bodyKind: "UBND_XA", proposerRole: "PRINCIPAL", proposerSignature: ["HIỆU TRƯỞNG"] });
    expect(v.basis).toMatch(/06\/2022/);
  });

  it("before July 2025 the district level decided LĐTT (no commune)", () => {
    const v = decidingBody("LDTT", district, BEFORE)!;
    expect(v.side).toBe("STATE");
    expect(v.bodyKind).not.toBe("UBND_XA");
    expect(decidingBody("LDTT", commune, BEFORE)).toBeNull();
  });

  it("a school managed by the Department of Education: the Director decides LĐTT", () => {
    expect(decidingBody("LDTT", department, AFTER)).toMatchObject({ side: "STATE", bodyKind: "SO_GD", proposerRole: "PRINCIPAL" });
  });

  it("higher titles go up: CSTĐ cấp tỉnh and TT LĐXS to the province, CSTĐ toàn quốc to the Prime Minister", () => {
    expect(decidingBody("CSTD_TINH", commune, AFTER)).toMatchObject({ side: "STATE", bodyKind: "UBND_TINH" });
    expect(decidingBody("TT_LDXS", commune, AFTER)).toMatchObject({ side: "STATE", bodyKind: "UBND_TINH" });
    expect(decidingBody("CSTD_TOAN_QUOC", commune, AFTER)).toMatchObject({ side: "STATE", bodyKind: "TTCP" });
  });

  it("a state Giấy khen is the commune's or the Department's, never the principal's", () => {
    expect(decidingBody("GK_UBND_XA", commune, AFTER)).toMatchObject({ side: "STATE", bodyKind: "UBND_XA" });
    expect(decidingBody("GK_SO_GD", commune, AFTER)).toMatchObject({ side: "STATE", bodyKind: "SO_GD" });
    for (const r of AUTHORITY_DEFAULTS) expect(r.bodyName).not.toMatch(/Hiệu trưởng/i);
  });
});

describe("decidingBody: union forms go to that union body, proposed by the union chair", () => {
  it("Giấy khen of the upper union: its standing committee, on the chair's tờ trình (TM. BAN CHẤP HÀNH / CHỦ TỊCH)", () => {
    expect(decidingBody("GK_CD_CAP_TREN", commune, AFTER)).toMatchObject({ side: "UNION", bodyKind: "CD_CAP_TREN", proposerRole: "UNION_CHAIR", proposerSignature: ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"] });
  });
  it("Bằng khen of the provincial federation and of the Confederation are union forms", () => {
    expect(decidingBody("BK_LDLD_TINH", commune, AFTER)).toMatchObject({ side: "UNION", bodyKind: "LDLD_TINH" });
    expect(decidingBody("BK_TLD", commune, AFTER)).toMatchObject({ side: "UNION", bodyKind: "TLD" });
  });
  it("the union side does not depend on who manages the school", () => {
    expect(decidingBody("GK_CD_CAP_TREN", district, BEFORE)?.side).toBe("UNION");
  });
});

describe("the table as data", () => {
  it("every catalogue form has a deciding body on its own side for a commune school today, each row with a basis", () => {
    for (const e of CATALOGUE_ENTRIES) {
      const v = decidingBody(e.code, commune, AFTER);
      expect(v, e.code).not.toBeNull();
      expect(v!.side, e.code).toBe(e.side === "state" ? "STATE" : "UNION");
      expect(v!.basis.length, e.code).toBeGreaterThan(20);
    }
  });

  it("an edited row wins by its dates: a row ending yesterday no longer applies", () => {
    const rows: AuthorityRow[] = AUTHORITY_DEFAULTS.map((r) => (r.titleCode === "LDTT" && r.bodyKind === "UBND_XA" ? { ...r, validTo: "2026-06-14" } : r));
    expect(decidingBody("LDTT", commune, AFTER, rows)).toBeNull();
    expect(decidingBody("LDTT", commune, "2026-06-14", rows)?.bodyKind).toBe("UBND_XA");
  });

  it("routes: union forms share one route; state forms group by deciding body", () => {
    expect(routeKey(decidingBody("GK_CD_CAP_TREN", commune, AFTER)!)).toBe("UNION");
    expect(routeKey(decidingBody("BK_LDLD_TINH", commune, AFTER)!)).toBe("UNION");
    // The school union's own BCH decides its forms at the school (issue 12): a group of its own.
    expect(routeKey(decidingBody("GK_CDCS", commune, AFTER)!)).toBe("BCH_CDCS");
    expect(routeKey(decidingBody("LDTT", commune, AFTER)!)).toBe(routeKey(decidingBody("CSTDCS", commune, AFTER)!));
    expect(routeKey(decidingBody("TT_LDXS", commune, AFTER)!)).not.toBe(routeKey(decidingBody("LDTT", commune, AFTER)!));
  });
});

describe("unionUnitMayDecide: a union body decides only its own forms", () => {
  const cdgd = { id: "org_cdgd", type: "CONG_DOAN_NGANH_GD" };
  const ldld = { id: "org_ldld", type: "LIEN_DOAN_LAO_DONG" };
  it("the direct upper union decides its Giấy khen, not LĐTT or CSTĐCS, not the federation's Bằng khen", () => {
    expect(unionUnitMayDecide(cdgd, "org_cdgd", "GK_CD_CAP_TREN", commune, AFTER)).toBe(true);
    expect(unionUnitMayDecide(cdgd, "org_cdgd", "LDTT", commune, AFTER)).toBe(false);
    expect(unionUnitMayDecide(cdgd, "org_cdgd", "CSTDCS", commune, AFTER)).toBe(false);
    expect(unionUnitMayDecide(cdgd, "org_cdgd", "BK_LDLD_TINH", commune, AFTER)).toBe(false);
  });
  it("another union's Giấy khen is not this unit's; the federation decides its Bằng khen", () => {
    expect(unionUnitMayDecide(cdgd, "org_other", "GK_CD_CAP_TREN", commune, AFTER)).toBe(false);
    expect(unionUnitMayDecide(ldld, "org_cdgd", "BK_LDLD_TINH", commune, AFTER)).toBe(true);
  });
});

describe("unionDecidableCodes: what the decision screen may read before deciding each row", () => {
  const upper = { id: "cd_xa", type: "CONG_DOAN_GIAO_DUC" };
  const province = { id: "ldld", type: "LIEN_DOAN_LAO_DONG" };
  it("an upper union: its own Giấy khen for its own schools, nothing across the subtree; a federation: its Bằng khen anywhere below it", () => {
    const u = unionDecidableCodes(upper, AFTER);
    const p = unionDecidableCodes(province, AFTER);
    expect(u.direct).toContain("GK_CD_CAP_TREN");
    expect(u.anywhere).toEqual([]);
    expect(p.anywhere).toContain("BK_LDLD_TINH");
    for (const code of ["LDTT", "CSTDCS", "BK_UBND_TINH", "GK_CDCS"]) expect([...u.direct, ...p.direct, ...p.anywhere]).not.toContain(code);
  });
  it("never leaves out a form unionUnitMayDecide accepts (every code, manager, unit, day)", () => {
    const managers = [null, "PHONG_GD", "SO_GD", "UBND_XA", "LIEN_DOAN_LAO_DONG", "CONG_DOAN_NGANH_GD", "KHAC"] as const;
    for (const day of [BEFORE, AFTER]) {
      for (const unit of [upper, province]) {
        const { direct, anywhere } = unionDecidableCodes(unit, day);
        for (const e of CATALOGUE_ENTRIES) {
          for (const manager of managers) {
            if (unionUnitMayDecide(unit, unit.id, e.code, { manager }, day)) expect([...direct, ...anywhere], `${e.code} ${manager} ${day}`).toContain(e.code);
            if (unionUnitMayDecide(unit, "another_unit", e.code, { manager }, day)) expect(anywhere, `${e.code} ${manager} ${day}`).toContain(e.code);
          }
        }
      }
    }
  });
});
