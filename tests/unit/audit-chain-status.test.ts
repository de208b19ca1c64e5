// The audit chain verdict as the audit pages show it (components/audit/chain-status.tsx): one
// Vietnamese sentence per outcome of lib/audit/anchor.ts.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChainStatusNote } from "@/components/audit/chain-status";
import type { ChainStatus } from "@/lib/audit/queries";

const html = (status: ChainStatus | null) => renderToStaticMarkup(createElement(ChainStatusNote, { status }));

describe("ChainStatusNote", () => {
  it("intact, with and without a checkpoint", () => {
    expect(html({ ok: true, rows: 12, checkpoint: { at: "2026-12-02T03:04:00.000Z", lastId: "12", count: 12 }, unsealed: 0, forgedCheckpoints: 0 })).toContain("Chuỗi nhật ký toàn vẹn: chưa bản ghi nào bị sửa hay xóa. Đã đối chiếu với mốc kiểm tra lưu ngoài cơ sở dữ liệu lúc 02/12/2026 10:04 (12 bản ghi).");
    expect(html({ ok: true, rows: 0, checkpoint: null, unsealed: 0, forgedCheckpoints: 1 })).toMatch(/Chưa có mốc kiểm tra.*1 dòng trong tệp mốc kiểm tra bị sửa/);
  });

  it("tampered, truncated and re-chained are alerts that name what happened", () => {
    expect(html({ ok: false, kind: "tampered", firstBadId: "7" })).toContain("phát hiện sai lệch tại bản ghi #7");
    expect(html({ ok: false, kind: "truncated", checkpointAt: "2026-12-02T03:04:00.000Z", lastId: "40", expectedCount: 40, foundCount: 35 })).toContain("Chuỗi nhật ký bị cắt: đã mất bản ghi so với mốc kiểm tra lúc 02/12/2026 10:04 (mốc ghi nhận 40 bản ghi đến #40, nay chỉ còn 35).");
    expect(html({ ok: false, kind: "truncated", checkpointAt: null, lastId: "41", expectedCount: null, foundCount: 40 })).toContain("từ #41 trở đi");
    expect(html({ ok: false, kind: "rechained", checkpointAt: "2026-12-02T03:04:00.000Z", firstBadId: null, reason: "head" })).toContain("Chuỗi nhật ký bị tính lại: mã băm của chuỗi khác với mốc kiểm tra lúc 02/12/2026 10:04");
    expect(html({ ok: false, kind: "rechained", checkpointAt: null, firstBadId: "9", reason: "seal" })).toContain("bản ghi #9 không khớp mã xác thực (HMAC)");
    for (const s of [{ ok: false, kind: "tampered", firstBadId: "7" }] as const) expect(html(s)).toContain('role="alert"');
  });

  it("nothing for viewers who may not see it", () => {
    expect(html(null)).toBe("");
  });
});
