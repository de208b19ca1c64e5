// npm run audit:checkpoint — verifies the audit chain of DATABASE_URL or the embedded database
// and appends a checkpoint (genesis, last id, head hash, count, HMAC) to AUDIT_CHECKPOINT_FILE
// (default .data/audit-checkpoints.jsonl). Ship that file elsewhere (cron + rsync, a log
// collector…): it is what proves later that no audit rows were cut off or re-chained.
// Exit code 1 when the chain fails verification (no checkpoint is written then).
import { checkpointAuditChain, checkpointFile } from "../lib/audit/anchor";
import { openDatabase } from "../lib/server/database";

const { sql, prisma, where } = await openDatabase();
try {
  const { verdict, written } = await checkpointAuditChain(prisma, { force: true });
  console.log(`Dữ liệu: ${where}`);
  if (!verdict.ok) {
    console.error(`Chuỗi nhật ký KHÔNG toàn vẹn (${verdict.kind}): ${JSON.stringify(verdict)}`);
    process.exitCode = 1;
  } else {
    console.log(`Chuỗi nhật ký toàn vẹn: ${verdict.rows} bản ghi${verdict.unsealed ? ` (${verdict.unsealed} bản ghi cũ chưa có mã xác thực)` : ""}.`);
    console.log(written ? `Đã ghi mốc kiểm tra đến #${written.lastId} vào ${checkpointFile()}.` : "Không có bản ghi mới kể từ mốc trước; không ghi thêm.");
  }
} finally {
  await prisma.$disconnect();
  await sql.close();
}
