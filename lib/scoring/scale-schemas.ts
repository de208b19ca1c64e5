// zod input schemas for the scale builder (no server imports).
import { z, id, requiredText, submissionKey, version, vnDate } from "../validation";
import { scaleDefinitionSchema } from "./scale";
import { jsonField } from "./schemas";

export const createScaleSchema = z.strictObject({
  schoolId: id("trường"),
  schoolYearId: id("năm học"),
  name: requiredText("tên biểu điểm", 200),
  /** "blank" (build from scratch), "template:100", "template:750" or "copy:<scaleId>" (last year's). */
  source: z.string().regex(/^(blank|template:(100|750)|copy:[A-Za-z0-9_-]{1,64})$/, "Chọn cách tạo biểu điểm."),
  submissionKey,
});

export const saveScaleDraftSchema = z.strictObject({
  versionId: id("phiên bản"),
  version,
  definition: jsonField(scaleDefinitionSchema, "Biểu điểm"),
});

export const adoptScaleSchema = z.strictObject({
  versionId: id("phiên bản"),
  version,
  adoptedOn: vnDate("ngày thông qua"),
  resolutionNo: requiredText("số nghị quyết", 100),
});

export const newScaleVersionSchema = z.strictObject({ scaleId: id("biểu điểm") });

/** Nhập biểu điểm từ Excel: a new draft scale for the school and year, named by the chair. */
export const importScaleSchema = z.strictObject({
  schoolId: id("trường"),
  schoolYearId: id("năm học"),
  name: requiredText("tên biểu điểm", 200),
  file: z.instanceof(File, { error: "Vui lòng chọn tệp Excel (.xlsx)." }),
  submissionKey,
});
