// zod input schemas of the notification actions (no server imports: forms reuse them).
import { id, z } from "../validation";

/** Đánh dấu đã đọc one notification of the viewer: a notice, or a reminder to register. */
export const markReadSchema = z.strictObject({
  kind: z.enum(["notice", "reminder"], { error: "Loại thông báo không hợp lệ." }),
  id: id("thông báo"),
});
export type MarkReadInput = z.output<typeof markReadSchema>;

/** Đánh dấu tất cả đã đọc: no fields. */
export const markAllReadSchema = z.strictObject({});
