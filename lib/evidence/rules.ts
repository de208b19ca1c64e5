// Which files are accepted as evidence (minh chứng): images, PDF and Office files, up to a size,
// recognised by their first bytes AND their extension (never by the browser's Content-Type).
// Pure; tested in tests/unit/scoring-evidence.test.ts.
import { cleanText } from "../format";

/** Server actions accept 5 MB bodies (next.config.ts); a file leaves room for the other fields. */
export const MAX_EVIDENCE_BYTES = 4 * 1024 * 1024;

type Kind = { mime: string; exts: string[]; magic: number[] };
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const EVIDENCE_KINDS: Kind[] = [
  { mime: "image/jpeg", exts: ["jpg", "jpeg"], magic: [0xff, 0xd8, 0xff] },
  { mime: "image/png", exts: ["png"], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: "application/pdf", exts: ["pdf"], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", exts: ["docx"], magic: ZIP },
  { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exts: ["xlsx"], magic: ZIP },
  { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", exts: ["pptx"], magic: ZIP },
  { mime: "application/msword", exts: ["doc"], magic: OLE },
  { mime: "application/vnd.ms-excel", exts: ["xls"], magic: OLE },
  { mime: "application/vnd.ms-powerpoint", exts: ["ppt"], magic: OLE },
];

export const EVIDENCE_ACCEPT = EVIDENCE_KINDS.flatMap((k) => k.exts.map((e) => `.${e}`)).join(",");

/** A file name safe to show and to put in Content-Disposition: no paths, no control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = cleanText(base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "_"));
  return (clean || "minh-chung").slice(0, 150);
}

export type EvidenceCheck = { ok: true; mime: string; fileName: string } | { ok: false; message: string };

/** Accepts a file only when its size, extension and first bytes all agree with the allow-list. */
export function checkEvidence(name: string, bytes: Uint8Array): EvidenceCheck {
  if (bytes.length === 0) return { ok: false, message: "Tệp rỗng." };
  if (bytes.length > MAX_EVIDENCE_BYTES) return { ok: false, message: `Tệp lớn quá ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.` };
  const fileName = safeFileName(name);
  const ext = fileName.includes(".") ? fileName.split(".").pop()!.toLowerCase() : "";
  const kind = EVIDENCE_KINDS.find((k) => k.exts.includes(ext));
  if (!kind) return { ok: false, message: "Chỉ nhận ảnh (JPG, PNG), PDF và tệp Word, Excel, PowerPoint." };
  if (!kind.magic.every((b, i) => bytes[i] === b)) return { ok: false, message: `Nội dung tệp không đúng định dạng .${ext}.` };
  return { ok: true, mime: kind.mime, fileName };
}

/** Content-Disposition for a download: always attachment, with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
