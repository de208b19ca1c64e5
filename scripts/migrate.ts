// npm run db:migrate — applies pending SQL migrations to DATABASE_URL or the embedded database.
import { openDatabase } from "../lib/server/database";
import { migrate } from "../lib/server/migrate";

const { sql, prisma, where } = await openDatabase();
try {
  const applied = await migrate(sql);
  console.log(applied.length ? `Đã áp dụng ${applied.length} migration: ${applied.join(", ")}` : "Cơ sở dữ liệu đã ở phiên bản mới nhất.");
  console.log(`Dữ liệu: ${where}`);
} finally {
  await prisma.$disconnect();
  await sql.close();
}
