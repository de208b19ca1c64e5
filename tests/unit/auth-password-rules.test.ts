// Issue 11: the rule for new passwords, the temporary password of a reset, and what the sign-in
// form says (after exactly 5 failures, before the last attempts, when a new password is due).
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { newPasswordProblem, PASSWORD_MIN, temporaryPassword } from "@/lib/auth/password-rules";
import { signInMessage } from "@/components/auth/sign-in-form";

describe("newPasswordProblem", () => {
  it("accepts a long password with letters and digits", () => {
    expect(newPasswordProblem("Mùa thu 2026 vàng")).toBeNull();
    expect(newPasswordProblem("Doi-mat-khau-2026")).toBeNull();
  });
  it("refuses short, letters-only, digits-only, repetitive and common passwords", () => {
    expect(newPasswordProblem("abc123")).toBe(`Mật khẩu mới cần ít nhất ${PASSWORD_MIN} ký tự.`);
    expect(newPasswordProblem("chi-co-chu-thoi")).toBe("Mật khẩu mới cần có cả chữ và số.");
    expect(newPasswordProblem("12345678901")).toBe("Mật khẩu mới cần có cả chữ và số.");
    expect(newPasswordProblem("a1a1a1a1a1a1")).toMatch(/lặp lại/);
    expect(newPasswordProblem("ThiDua@2025")).toMatch(/phổ biến/);
    expect(newPasswordProblem("x".repeat(200) + "1")).toMatch(/dài quá/);
  });
  it("refuses the e-mail's name, the person's name and the current password", () => {
    expect(newPasswordProblem("doanvien.sta2026", { email: "doanvien.sta@thidua.test" })).toMatch(/email/);
    expect(newPasswordProblem("LeVanTuan2026", { displayName: "Lê Văn Tuấn" })).toMatch(/họ tên/);
    expect(newPasswordProblem("Cu-mat-khau-2024", { current: "Cu-mat-khau-2024" })).toMatch(/khác mật khẩu hiện tại/);
  });
});

describe("temporaryPassword", () => {
  it("is 14 characters (plus a dash) without look-alikes, and passes the rule", () => {
    for (let i = 0; i < 50; i++) {
      const p = temporaryPassword((n) => randomBytes(n));
      expect(p).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{7}-[a-km-np-zA-HJ-NP-Z2-9]{7}$/);
      expect(newPasswordProblem(p)).toBeNull();
    }
  });
});

describe("what the sign-in form says", () => {
  it("after exactly 5 failures: 5, not 'more than 5'; before the last attempts: how many remain", () => {
    expect(signInMessage("LOCKED")).toContain("5 lần");
    expect(signInMessage("LOCKED")).not.toMatch(/quá 5/);
    expect(signInMessage("INVALID_LEFT_1")).toContain("Còn 1 lần thử");
  });
  it("a lock says the rule that locked it: this client's failures in a row, or the account's from many addresses", () => {
    expect(signInMessage("LOCKED_5_15")).toContain("5 lần nhập sai mật khẩu liên tiếp");
    expect(signInMessage("LOCKED_5_15")).toContain("15 phút");
    const account = signInMessage("LOCKED_ACCOUNT_20_15");
    expect(account).toContain("20 lần nhập sai mật khẩu từ nhiều địa chỉ");
    expect(account).toContain("15 phút");
    expect(account).not.toContain("5 lần");
    expect(account).not.toContain("liên tiếp");
  });
  it("a reset password asks for a new one; the rule's refusal is said as it is", () => {
    expect(signInMessage("PASSWORD_CHANGE_REQUIRED")).toMatch(/chọn mật khẩu mới/);
    expect(signInMessage("NEW_PASSWORD_WEAK:Mật khẩu mới cần có cả chữ và số.")).toBe("Mật khẩu mới cần có cả chữ và số.");
  });
});
