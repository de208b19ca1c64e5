// File names of downloads. The browser gets the Vietnamese name (RFC 5987 filename*) and an ASCII
// fallback; names built from document numbers ("86/QĐ-CĐGD") must fold Đ to D, not drop it
// ("86-QD-CDGD", never "86-Q-C-GD"). Pure.

/** Vietnamese to ASCII, keeping case: "Quyết định 86/QĐ-CĐGD" → "Quyet dinh 86/QD-CDGD". */
export function asciiFold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

/** A document number or a name as a file-name part: "86/QĐ-CĐGD" → "86-QD-CDGD". */
export function fileSlug(s: string): string {
  return asciiFold(s)
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The ASCII fallback of a whole file name: diacritics folded (Đ → D), the rest of non-ASCII "_". */
export function asciiFileName(fileName: string): string {
  return asciiFold(fileName).replace(/[^\x20-\x7e]/g, "_").replace(/["\\/]/g, "_");
}
