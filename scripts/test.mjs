// npm test — the one test command: typecheck → lint → unit → integration → e2e. Stops at the first
// failing stage, then prints a summary and one closing line "N passed, N failed" summed from
// the JSON reports in test-results/ (also written to test-results/totals.json for .ci/run).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = path.join(ROOT, "test-results");
const bin = (...p) => path.join(ROOT, "node_modules", ...p);
const vitest = (project, report) => [
  bin("vitest", "vitest.mjs"), "run", "--project", project,
  "--reporter=default", "--reporter=json", `--outputFile=${report}`,
];

const stages = [
  { name: "typecheck", args: [bin("typescript", "bin", "tsc"), "--noEmit"] },
  { name: "lint", args: [bin("eslint", "bin", "eslint.js"), ".", "--max-warnings=0"] },
  { name: "unit", report: "unit.json", kind: "vitest", args: vitest("unit", path.join(OUT, "unit.json")) },
  { name: "integration", report: "int.json", kind: "vitest", args: vitest("integration", path.join(OUT, "int.json")) },
  { name: "e2e", report: "e2e.json", kind: "playwright", args: [path.join(ROOT, "scripts", "e2e.mjs")] },
];

/** Counts from one JSON report, or null when there is none. */
function counts(stage) {
  const file = stage.report && path.join(OUT, stage.report);
  if (!file || !existsSync(file)) return null;
  try {
    const r = JSON.parse(readFileSync(file, "utf8"));
    if (stage.kind === "vitest") return { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0 };
    const s = r.stats ?? {};
    return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0 };
  } catch {
    return null;
  }
}

mkdirSync(OUT, { recursive: true });
for (const s of stages) if (s.report) rmSync(path.join(OUT, s.report), { force: true });

const results = [];
let failedStage = null;
for (const stage of stages) {
  if (failedStage) {
    results.push({ name: stage.name, status: "skipped", passed: 0, failed: 0, seconds: 0 });
    continue;
  }
  console.log(`\n=== ${stage.name} ===`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, stage.args, { cwd: ROOT, stdio: "inherit", env: process.env });
  const ok = r.status === 0;
  const c = counts(stage) ?? { passed: 0, failed: 0 };
  // A stage that failed without failing tests (type errors, a file that does not load, a
  // build or server that did not start) still counts as one failure.
  if (!ok && c.failed === 0) c.failed = 1;
  results.push({ name: stage.name, status: ok ? "ok" : "FAILED", ...c, seconds: (Date.now() - t0) / 1000 });
  if (!ok) failedStage = stage.name;
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log("\n=== summary ===");
for (const r of results) {
  console.log(`${r.name.padEnd(12)} ${r.status.padEnd(8)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${r.seconds.toFixed(1).padStart(7)} s`);
}
writeFileSync(path.join(OUT, "totals.json"), JSON.stringify({ passed, failed, stages: results }, null, 2));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedStage || passed === 0 ? 1 : 0);
