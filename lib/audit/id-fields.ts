// Audit before/after fields that hold ids (or lists of ids), and what they name. Pure: the log
// viewer (components/audit/audit-format.ts) shows them by name, lib/audit/queries.ts looks the names up.
/** Shown by name when the page knows it, else left out. */
export const ID_FIELDS: Record<string, "member" | "group" | "org" | "school" | "year" | "item" | "package" | "campaign" | "meeting" | "sheet" | "scale" | "scaleVersion" | "plan"> = {
  memberId: "member",
  memberIds: "member",
  ownerMemberId: "member",
  authorIds: "member",
  added: "member",
  firstMemberId: "member",
  unionGroupId: "group",
  unionUnitId: "org",
  govUnitId: "org",
  organisationId: "org",
  schoolId: "school",
  schoolYearId: "year",
  itemId: "item",
  itemIds: "item",
  packageId: "package",
  split: "package",
  campaignId: "campaign",
  meetingId: "meeting",
  reviewedInId: "meeting",
  sheetId: "sheet",
  copied: "sheet",
  scaleId: "scale",
  scaleVersionId: "scaleVersion",
  planId: "plan",
  amendsId: "plan",
  copiedFromId: "plan",
};

