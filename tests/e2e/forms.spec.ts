// Shared form pieces in the browser (issue 11): a refused submit keeps what was typed, says what
// is wrong beside the field and puts focus there; the confirm dialog closes on Esc without doing
// anything and does it when confirmed; the date input takes typed dd/mm/yyyy and a day picked on
// its Vietnamese calendar (with the keyboard or the mouse).
import { expect as baseExpect, test } from "./fixtures";

// Server actions revalidate the page they come from; on a busy 2-core machine that takes seconds.
const expect = baseExpect.configure({ timeout: 30_000 });

const SCHOOL = "sch_sta";
const RUN = Date.now().toString(36).slice(-5);

test.setTimeout(180_000);

test("biểu mẫu giữ giá trị, báo lỗi cạnh ô, hỏi trước khi xóa, chọn ngày trên lịch", async ({ page, loginAs }) => {
  await loginAs("chutich.sta@thidua.test");
  await page.goto(`/truong/${SCHOOL}/bieu-diem`);
  await page.getByLabel("Tên biểu điểm").fill(`Biểu điểm biểu mẫu ${RUN}`);
  await page.getByLabel("Bắt đầu từ").selectOption({ label: "Mẫu: Biểu điểm 100 điểm (7 nhóm, cộng ≤ 10, trừ theo lần)" });
  await page.getByRole("button", { name: "Tạo biểu điểm" }).click();
  await page.waitForURL(/\/bieu-diem\/[^/]+$/);
  await expect(page.getByText("Biểu điểm hợp lệ: tổng điểm tiêu chí 100")).toBeVisible();

  // The confirm dialog: Esc closes it and nothing is removed; confirming removes the group.
  const removeGroup = page.getByRole("button", { name: "Xóa nhóm", exact: true });
  const groups = await removeGroup.count();
  expect(groups).toBe(7);
  await removeGroup.first().click();
  const ask = page.getByRole("dialog", { name: /^Xóa nhóm “.+”\?$/ });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole("button", { name: "Hủy" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(removeGroup).toHaveCount(groups);
  await expect(removeGroup.first()).toBeFocused();
  await removeGroup.first().click();
  await ask.getByRole("button", { name: "Xóa nhóm" }).click();
  await expect(ask).toBeHidden();
  await expect(removeGroup).toHaveCount(groups - 1);

  // Adoption on 31/02/2026: refused on the date field, both values kept, focus on the date.
  const date = page.getByLabel("Ngày thông qua (dd/mm/yyyy)");
  const resolution = page.getByLabel("Số nghị quyết");
  await date.fill("31/02/2026");
  await resolution.fill(`05/NQ-HNVC-${RUN}`);
  await page.getByRole("button", { name: "Ghi nhận đã thông qua" }).click();
  const adopt = page.getByRole("dialog", { name: "Ghi nhận đã thông qua?" });
  await expect(adopt).toBeVisible();
  await expect(adopt).toContainText("Biểu điểm sẽ bị khóa.");
  await adopt.getByRole("button", { name: "Ghi nhận đã thông qua" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Dữ liệu chưa hợp lệ" })).toBeVisible();
  await expect(date).toHaveAttribute("aria-invalid", "true");
  const describedBy = await date.getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText("Ngày thông qua không hợp lệ (định dạng dd/mm/yyyy).");
  await expect(date).toHaveValue("31/02/2026");
  await expect(resolution).toHaveValue(`05/NQ-HNVC-${RUN}`);
  await expect(date).toBeFocused();
  await expect(resolution).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Nội dung nguyên vẹn")).toHaveCount(0);

  // The date input: typed dd/mm/yyyy opens the calendar on that month, in Vietnamese.
  await date.fill("15/10/2025");
  const form = page.locator("form").filter({ has: resolution });
  await form.getByRole("button", { name: "Mở lịch" }).click();
  const calendar = page.getByRole("dialog", { name: "Tháng 10 năm 2025" });
  await expect(calendar).toBeVisible();
  await expect(calendar.getByLabel("Tháng", { exact: true })).toHaveValue("9");
  await expect(calendar.getByLabel("Tháng", { exact: true }).locator("option:checked")).toHaveText("Tháng 10");
  await expect(calendar.getByRole("columnheader")).toHaveText(["T2", "T3", "T4", "T5", "T6", "T7", "CN"]);
  const picked = calendar.getByRole("button", { name: "Thứ Tư, ngày 15 tháng 10 năm 2025" });
  await expect(picked).toBeFocused();
  await expect(picked).toHaveAttribute("aria-pressed", "true");
  // Keyboard: a week on, a day back, Enter picks; Esc elsewhere would close without picking.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowLeft");
  await expect(calendar.getByRole("button", { name: "Thứ Ba, ngày 21 tháng 10 năm 2025" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(calendar).toBeHidden();
  await expect(date).toHaveValue("21/10/2025");
  await expect(date).toBeFocused();
  // Mouse: the next month by its button, then a day.
  await form.getByRole("button", { name: "Mở lịch" }).click();
  await page.getByRole("button", { name: "Tháng sau" }).click();
  const november = page.getByRole("dialog", { name: "Tháng 11 năm 2025" });
  await expect(november).toBeVisible();
  await november.getByRole("button", { name: "Thứ Ba, ngày 4 tháng 11 năm 2025" }).click();
  await expect(date).toHaveValue("04/11/2025");

  // Now it is accepted.
  await page.getByRole("button", { name: "Ghi nhận đã thông qua" }).click();
  await adopt.getByRole("button", { name: "Ghi nhận đã thông qua" }).click();
  await expect(page.getByText("Nội dung nguyên vẹn")).toBeVisible();
  await expect(page.getByText(`ngày 04/11/2025, nghị quyết số 05/NQ-HNVC-${RUN}`)).toBeVisible();
});

test("đánh dấu đã nghỉ việc hỏi ngày và lý do trong hộp thoại", async ({ page, loginAs }) => {
  // A Kim Đồng member no other journey uses (marking the demo account's member as left would end
  // the scoring journey of doanvien.sta running in the same pass).
  await loginAs("chutich.kd@thidua.test");
  await page.goto("/truong/sch_kd/doan-vien/mem_kd_021");
  await page.getByRole("button", { name: "Đã nghỉ việc", exact: true }).click();
  const ask = page.getByRole("dialog", { name: "Ghi nhận Vũ Thị Quyên đã nghỉ việc?" });
  await expect(ask).toBeVisible();
  const day = ask.getByLabel("Ngày nghỉ việc");
  await expect(day).toBeFocused();
  await expect(day).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  // Esc: nothing recorded.
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(page.getByText("từ ngày")).toHaveCount(0);
  // A day the calendar does not have: refused by the server, the dialog opens again on the day.
  await page.getByRole("button", { name: "Đã nghỉ việc", exact: true }).click();
  await day.fill("31/02/2026");
  await ask.getByLabel("Lý do nghỉ việc").fill("Chuyển công tác");
  await ask.getByRole("button", { name: "Ghi nhận nghỉ việc" }).click();
  await expect(ask).toBeVisible();
  await expect(ask.getByText("Ngày nghỉ việc không hợp lệ (định dạng dd/mm/yyyy).")).toBeVisible();
  await expect(day).toBeFocused();
  await expect(day).toHaveAttribute("aria-invalid", "true");
  await expect(ask.getByLabel("Lý do nghỉ việc")).toHaveValue("Chuyển công tác");
  // Enter in the dialog confirms (it never submits the form's first button, "Cho nghỉ phép").
  await day.fill("15/11/2026");
  await day.press("Enter");
  await expect(page.getByText("từ ngày 15/11/2026 (lý do: Chuyển công tác)")).toBeVisible();
});
