// The upper unit's holiday page (/cap-tren/<id>/ngay-nghi, holiday.manage): the unit adds a day off,
// then edits it in the form of its row: a refused edit says what is wrong beside the field and
// keeps what was typed; a good one is saved and the row shows the new days. Days in 2029, far from
// the meeting calendars other specs generate, and a run-unique name.
import { expect as baseExpect, test } from "./fixtures";

// Server actions revalidate the page they come from; on a busy 2-core machine that takes seconds.
const expect = baseExpect.configure({ timeout: 30_000 });
test.setTimeout(180_000);

const RUN = Date.now().toString(36).slice(-5);
const PAGE = "/cap-tren/org_cdgd_sonthuy/ngay-nghi?nam=2029";

test("upper-unit staff add a day off and edit it in its row", async ({ page, loginAs }) => {
  await loginAs("congdoan@thidua.test");
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lịch nghỉ lễ, Tết năm 2029");

  const name = `Nghỉ bù ngày hội huyện ${RUN}`;
  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Thêm ngày nghỉ" }) });
  await create.getByLabel("Tên").fill(name);
  await create.getByLabel("Nghỉ từ ngày").fill("12/03/2029");
  await create.getByLabel("Đến hết ngày").fill("12/03/2029");
  await create.getByRole("button", { name: "Thêm ngày nghỉ" }).click();

  // The create form shows only refusals: the new row is the sign it was added.
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("12/03/2029");
  await row.getByText("Sửa", { exact: true }).click();
  const edit = row.getByRole("form", { name: `Sửa ngày nghỉ ${name}` });
  await expect(edit.getByLabel("Tên")).toHaveValue(name);
  await expect(edit.getByLabel("Nghỉ từ ngày")).toHaveValue("12/03/2029");

  // Refused: the end before the start. The message is beside "Đến hết ngày"; the typed name stays.
  const renamed = `Nghỉ bù ngày hội văn hóa huyện ${RUN}`;
  await edit.getByLabel("Tên").fill(renamed);
  await edit.getByLabel("Nghỉ từ ngày").fill("14/03/2029");
  await edit.getByLabel("Đến hết ngày").fill("13/03/2029");
  await edit.getByRole("button", { name: "Lưu" }).click();
  const endsOn = edit.getByLabel("Đến hết ngày");
  await expect(endsOn).toHaveAttribute("aria-invalid", "true");
  const errorId = await endsOn.getAttribute("aria-describedby");
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText("Ngày kết thúc không được trước ngày bắt đầu.");
  await expect(edit.getByLabel("Tên")).toHaveValue(renamed);
  await expect(edit.getByLabel("Nghỉ từ ngày")).toHaveValue("14/03/2029");
  await expect(row).toContainText(name); // nothing saved

  // Corrected: saved, and the row shows the new name and days.
  await endsOn.fill("15/03/2029");
  await edit.getByRole("button", { name: "Lưu" }).click();
  const saved = page.getByRole("row").filter({ hasText: renamed });
  await expect(saved).toContainText("14/03/2029");
  await expect(saved).toContainText("15/03/2029");
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
});
