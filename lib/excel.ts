// Shared spreadsheet helpers (exceljs is used by members, scoring and awards exports).

/**
 * Text that a spreadsheet could take for a formula (= + - @, tab, carriage return) is written
 * with a leading apostrophe, the form spreadsheet programs use for "this is text" (SECURITY.md).
 */
export function formulaSafe(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
