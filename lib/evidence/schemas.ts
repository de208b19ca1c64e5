// zod input schemas for evidence uploads (no server imports).
import { z, id, submissionKey } from "../validation";

export const uploadEvidenceSchema = z.strictObject({
  sheetId: id("phiếu"),
  criterionKey: z.string().max(40).regex(/^[a-z0-9_-]+$/).optional(),
  file: z.instanceof(File, { error: "Chọn tệp minh chứng." }),
  submissionKey,
});

export const deleteEvidenceSchema = z.strictObject({ evidenceId: id("minh chứng") });
