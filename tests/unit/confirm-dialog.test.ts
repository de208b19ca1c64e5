// The confirm dialog's title and text from the old confirm() sentences (components/ui/confirm-dialog.tsx).
import { describe, expect, it } from "vitest";
import { splitQuestion } from "@/components/ui/confirm-dialog";

describe("splitQuestion", () => {
  it("an opening question is the title, the rest the text", () => {
    expect(splitQuestion("Thu hồi quyết định này? Hồ sơ vẫn được lưu, đánh dấu đã thu hồi.", "Thu hồi")).toEqual({ title: "Thu hồi quyết định này?", message: "Hồ sơ vẫn được lưu, đánh dấu đã thu hồi." });
    expect(splitQuestion("Gửi hồ sơ lên cấp trên?", "Gửi cấp trên")).toEqual({ title: "Gửi hồ sơ lên cấp trên?", message: undefined });
  });
  it("a statement then a short question: the button's step asks, the whole text explains", () => {
    expect(splitQuestion("Biểu điểm sẽ bị khóa. Tiếp tục?", "Ghi nhận đã thông qua")).toEqual({ title: "Ghi nhận đã thông qua?", message: "Biểu điểm sẽ bị khóa. Tiếp tục?" });
    expect(splitQuestion("Hồ sơ sẽ được gửi đi", "Gửi")).toEqual({ title: "Gửi?", message: "Hồ sơ sẽ được gửi đi" });
  });
});
