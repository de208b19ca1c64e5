// zod input schemas for union groups (tổ công đoàn); no server imports.
import { id, requiredText, version, z, submissionKey } from "../validation";

const groupName = requiredText("tên tổ công đoàn", 100);

/** Thêm tổ: the school comes from the URL and is resolved through scope by the mutation. */
export const createGroupSchema = z.strictObject({
  schoolId: id("trường"),
  name: groupName,
  submissionKey,
});
export type CreateGroupInput = z.output<typeof createGroupSchema>;

/** Đổi tên tổ, version-checked. */
export const renameGroupSchema = z.strictObject({
  groupId: id("tổ công đoàn"),
  version,
  name: groupName,
});
export type RenameGroupInput = z.output<typeof renameGroupSchema>;
