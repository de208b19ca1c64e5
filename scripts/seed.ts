// npm run db:seed — migrates, then loads the demo data (lib/seed/demo.ts) into DATABASE_URL or
// the embedded database. Does nothing when the database already has organisations. Refuses to
// run with NODE_ENV=production unless SEED_DEMO=1, so demo accounts never reach production by
// accident.
import { openDatabase } from "../lib/server/database";
import { migrate } from "../lib/server/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "../lib/seed/demo";
import { seedScoringDemo } from "../lib/seed/scoring-demo";
import { seedAwardsDemo } from "../lib/seed/awards-demo";
import { seedRoutesDemo } from "../lib/seed/routes-demo";
import { seedHistoryDemo } from "../lib/seed/history-demo";

if (process.env.NODE_ENV === "production" && process.env.SEED_DEMO !== "1") {
  console.error(
    "Từ chối nạp dữ liệu mẫu khi NODE_ENV=production (dữ liệu mẫu có tài khoản với mật khẩu công khai).\n" +
      "Nếu thật sự muốn, đặt thêm SEED_DEMO=1.",
  );
  process.exit(1);
}

const LABELS: Record<string, string> = {
  organisations: "Đơn vị cấp trên",
  schools: "Trường",
  unionGroups: "Tổ công đoàn",
  members: "Đoàn viên",
  users: "Tài khoản",
  roleAssignments: "Phân quyền",
  schoolYears: "Năm học",
};

const started = performance.now();
const { sql, prisma, where } = await openDatabase();
try {
  const applied = await migrate(sql);
  if (applied.length) console.log(`Đã áp dụng ${applied.length} migration: ${applied.join(", ")}`);
  const { created, counts } = await seedDemo(prisma);
  if (created) {
    // Each area's demo data: a campaign with a scale and scores, last years' awards and
    // initiatives (so "3 consecutive CSTĐCS" and year-over-year reports have history).
    await seedScoringDemo(prisma);
    await seedAwardsDemo(prisma);
    await seedRoutesDemo(prisma);
    // Two earlier school years across every school and the union terms (reports, year over year).
    await seedHistoryDemo(prisma);
  }
  if (!created) {
    console.log(`Cơ sở dữ liệu đã có dữ liệu, không nạp dữ liệu mẫu. (${where})`);
  } else {
    const ms = Math.round(performance.now() - started);
    console.log(`Đã nạp dữ liệu mẫu vào ${where} (${ms} ms):`);
    for (const [key, n] of Object.entries(counts)) console.log(`  ${(LABELS[key] ?? key).padEnd(18)} ${n}`);
    console.log(`\nTài khoản dùng thử (mật khẩu chung: ${DEMO_PASSWORD}):`);
    const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(width)}  ${a.label}`);
  }
} finally {
  await prisma.$disconnect();
  await sql.close();
}
