// Member and group input schemas: Vietnamese messages, dd/mm/yyyy dates, unknown keys refused.
import { describe, expect, it } from "vitest";
import { changeStatusSchema, createMemberSchema, moveMemberSchema, updateMemberSchema } from "@/lib/members/schemas";
import { createGroupSchema, renameGroupSchema } from "@/lib/groups/schemas";
import { canChangeStatus, groupMatchKey, statusFilter, STATUS_CHANGES } from "@/lib/members/rules";

const base = { schoolId: "sch_sta", idempotencyKey: "k_123", fullName: "  Nguyễn   Thị Thanh Tâm ", gender: "NU" };

function errors(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string[]> = {};
  for (const i of r.error?.issues ?? []) (out[String(i.path[0] ?? "_")] ??= []).push(i.message);
  return out;
}

describe("createMemberSchema", () => {
  it("accepts the minimum and cleans the name", () => {
    const r = createMemberSchema.safeParse(base);
    expect(r.success).toBe(true);
    expect(r.data?.fullName).toBe("Nguyễn Thị Thanh Tâm");
    expect(r.data?.status).toBe("ACTIVE");
  });

  it("NFC-normalises a decomposed name", () => {
    const r = createMemberSchema.safeParse({ ...base, fullName: "Nguyễn Thị Thủy".normalize("NFD") });
    expect(r.data?.fullName).toBe("Nguyễn Thị Thủy".normalize("NFC"));
  });

  it("parses dd/mm/yyyy and yyyy-mm-dd as calendar dates", () => {
    const r = createMemberSchema.safeParse({ ...base, dateOfBirth: "05/09/1990", joinedUnionAt: "2015-01-20", contractStartAt: "1/9/2014" });
    expect(r.data?.dateOfBirth?.toISOString()).toBe("1990-09-05T00:00:00.000Z");
    expect(r.data?.joinedUnionAt?.toISOString()).toBe("2015-01-20T00:00:00.000Z");
    expect(r.data?.contractStartAt?.toISOString()).toBe("2014-09-01T00:00:00.000Z");
  });

  it("explains each bad field in Vietnamese", () => {
    const r = createMemberSchema.safeParse({ ...base, fullName: undefined, gender: "X", dateOfBirth: "31/02/1990", email: "abc", phone: "gọi tôi", joinedUnionAt: "01/01/2099" });
    const e = errors(r);
    expect(e.fullName?.[0]).toBe("Vui lòng nhập họ và tên.");
    expect(e.gender?.[0]).toMatch(/giới tính/);
    expect(e.dateOfBirth?.[0]).toBe("Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).");
    expect(e.email?.[0]).toMatch(/Email không hợp lệ/);
    expect(e.phone?.[0]).toMatch(/Số điện thoại không hợp lệ/);
    expect(e.joinedUnionAt?.[0]).toBe("Ngày vào công đoàn không được sau ngày hôm nay.");
  });

  it("refuses unknown keys and a status of LEFT at creation", () => {
    expect(createMemberSchema.safeParse({ ...base, version: "1" }).success).toBe(false);
    expect(createMemberSchema.safeParse({ ...base, status: "LEFT" }).success).toBe(false);
    expect(createMemberSchema.safeParse({ ...base, status: "MATERNITY_LEAVE" }).success).toBe(true);
  });

  it("refuses ids that are not ids", () => {
    expect(errors(createMemberSchema.safeParse({ ...base, unionGroupId: "x' OR 1=1" })).unionGroupId).toBeDefined();
  });
});

describe("update, move and status schemas", () => {
  it("need the member id and version", () => {
    expect(updateMemberSchema.safeParse({ fullName: "A", gender: "NAM" }).success).toBe(false);
    expect(updateMemberSchema.safeParse({ memberId: "m1", version: "3", fullName: "A", gender: "NAM" }).data?.version).toBe(3);
    expect(moveMemberSchema.safeParse({ memberId: "m1", version: "1" }).success).toBe(true);
    expect(changeStatusSchema.safeParse({ memberId: "m1", version: "1", status: "DELETED" }).success).toBe(false);
  });
  it("group names are required", () => {
    expect(errors(createGroupSchema.safeParse({ schoolId: "s", name: "  " })).name?.[0]).toBe("Vui lòng nhập tên tổ công đoàn.");
    expect(renameGroupSchema.safeParse({ groupId: "g", version: "2", name: "Tổ CĐ Khối 3" }).success).toBe(true);
  });
});

describe("status rules", () => {
  it("allow leave, maternity leave and leaving from active, and returning from each", () => {
    expect(canChangeStatus("ACTIVE", "ON_LEAVE")).toBe(true);
    expect(canChangeStatus("ACTIVE", "MATERNITY_LEAVE")).toBe(true);
    expect(canChangeStatus("ACTIVE", "LEFT")).toBe(true);
    expect(canChangeStatus("MATERNITY_LEAVE", "ACTIVE")).toBe(true);
    expect(canChangeStatus("LEFT", "ACTIVE")).toBe(true);
    expect(canChangeStatus("ON_LEAVE", "MATERNITY_LEAVE")).toBe(false);
    expect(canChangeStatus("LEFT", "ON_LEAVE")).toBe(false);
    for (const [from, changes] of Object.entries(STATUS_CHANGES)) for (const c of changes) expect(c.to).not.toBe(from);
  });
  it("filter by status slug, hiding people who left by default", () => {
    expect(statusFilter(undefined).statuses).not.toContain("LEFT");
    expect(statusFilter("da-nghi").statuses).toEqual(["LEFT"]);
    expect(statusFilter("khong-co").slug).toBe("");
  });
  it("match union group names loosely", () => {
    expect(groupMatchKey("Tổ CĐ Khối 1–2")).toBe(groupMatchKey("khoi 1 - 2"));
    expect(groupMatchKey("Tổ công đoàn Văn phòng")).toBe(groupMatchKey("VĂN PHÒNG"));
  });
});
