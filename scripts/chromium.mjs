// Finds a Chromium for Playwright. Playwright's own browser download cannot reach its host
// here (STACK.md §3), so Debian's /usr/bin/chromium is the usual answer.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let found;

function playwrightOwn() {
  try {
    const { chromium } = require("playwright-core");
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function firstExisting() {
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(p)) return p;
  return playwrightOwn();
}

function run(command) {
  try {
    execSync(command, { stdio: ["ignore", 2, 2], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    return true;
  } catch {
    return false;
  }
}

/** Path of a Chromium executable; installs one when none is found (see the order below). */
export function findChromium() {
  if (found) return found;
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} không tồn tại / does not exist.`);
    return (found = fromEnv);
  }
  let path = firstExisting();
  if (!path && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.error("[chromium] Không thấy Chromium; đang cài bằng apt-get / no Chromium found: running apt-get install -y chromium");
    run("apt-get update && apt-get install -y chromium");
    path = firstExisting();
  }
  if (!path) {
    console.error("[chromium] Thử / trying: npx playwright install chromium");
    run("npx playwright install chromium");
    path = playwrightOwn();
  }
  if (!path) {
    throw new Error(
      "Không tìm thấy Chromium. Cài bằng `apt-get install -y chromium` hoặc đặt CHROMIUM_PATH.\n" +
        "Chromium not found. Install it with `apt-get install -y chromium` or set CHROMIUM_PATH.",
    );
  }
  return (found = path);
}
