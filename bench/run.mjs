// `npm run bench [-- filter…]`: runs every bench/*.bench.mjs (or those whose name contains one
// of the filters), prints machine facts and each benchmark's table, and writes a JSON copy to
// bench/results/<timestamp>.json.
//
// Adding a benchmark = adding a file bench/<name>.bench.mjs that exports `title` and
// `async run(ctx)` returning `{ text, data }` (see http-auth.bench.mjs and lib/harness.mjs).
//
// Speed is measured, not asserted: benchmarks print absolute figures and ratios against a
// baseline measured in the same run; nothing fails for being slow. The run fails only when a
// measurement is worthless (a server does not start, an answer is not 2xx).
//
// Environment:
//   YAOSU_BENCH_SECONDS      seconds per measurement (default 5)
//   YAOSU_BENCH_CONNECTIONS  autocannon connections (default 16)
//   YAOSU_BENCH_ROUNDS       alternating rounds per target, median reported (default 3)
//   YAOSU_BENCH_WARMUP       warm-up seconds per target before measuring (default 2)
//   YAOSU_BENCH_LOG_LEVEL    log level of every server under test (default warn)
//   YAOSU_BENCH_PROFILE=1    run servers under --cpu-prof; profiles go to bench/results/<timestamp>/

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, relative } from "node:path";
import { BENCH_DIR, ROOT_DIR } from "./lib/harness.mjs";

const number = (name, fallback, min) => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    console.error(`${name}=${raw}: expected a number ≥ ${min}`);
    process.exit(2);
  }
  return value;
};

const options = {
  seconds: number("YAOSU_BENCH_SECONDS", 5, 1),
  connections: number("YAOSU_BENCH_CONNECTIONS", 16, 1),
  rounds: number("YAOSU_BENCH_ROUNDS", 3, 1),
  warmupSeconds: number("YAOSU_BENCH_WARMUP", 2, 0),
  logLevel: process.env.YAOSU_BENCH_LOG_LEVEL || "warn",
};
const filters = process.argv.slice(2).filter((a) => a !== "--");
const startedAt = new Date().toISOString();
const stamp = startedAt.replace(/[:.]/g, "-");
const resultsDir = join(BENCH_DIR, "results");
const profileDir = process.env.YAOSU_BENCH_PROFILE === "1" ? join(resultsDir, stamp) : undefined;

const all = readdirSync(BENCH_DIR)
  .filter((f) => f.endsWith(".bench.mjs"))
  .sort()
  .map((file) => ({ file, name: file.slice(0, -".bench.mjs".length) }));
const selected = all.filter((b) => filters.length === 0 || filters.some((f) => b.name.includes(f)));
if (selected.length === 0) {
  console.error(
    `no benchmark matches ${filters.join(", ")}; there are: ${all.map((b) => b.name).join(", ")}`,
  );
  process.exit(2);
}

/** How busy the machine is: load averages and (Linux) the share of time tasks waited for a CPU. */
function busyness() {
  let cpuPressure = null;
  try {
    const some = /^some avg10=([\d.]+) avg60=([\d.]+)/m.exec(readFileSync("/proc/pressure/cpu", "utf8"));
    if (some) cpuPressure = { avg10: Number(some[1]), avg60: Number(some[2]) };
  } catch {}
  return { loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100), cpuPressure };
}
const describeBusyness = ({ loadAverage, cpuPressure }) =>
  `load ${loadAverage.join(" ")}${cpuPressure ? `, CPU pressure ${cpuPressure.avg10} % (10 s)` : ""}`;

const cpus = os.cpus();
const machine = {
  node: process.version,
  v8: process.versions.v8,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  cpuCount: os.availableParallelism?.() ?? cpus.length,
  cpuModel: cpus[0]?.model ?? "unknown",
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
};
const busyBefore = busyness();

console.log("Yaosu benchmarks");
console.log(`  node ${machine.node} (V8 ${machine.v8}) on ${machine.platform}`);
console.log(
  `  ${machine.cpuCount} × ${machine.cpuModel}, ${machine.memoryGiB} GiB; ${describeBusyness(busyBefore)}`,
);
if (busyBefore.loadAverage[0] > machine.cpuCount / 2 || (busyBefore.cpuPressure?.avg10 ?? 0) > 20)
  console.log(
    "  note: the machine is busy with other work; expect noisy figures (compare ratios, not absolutes)",
  );
console.log(
  `  ${options.seconds} s per measurement, ${options.rounds} alternating rounds (median), ` +
    `${options.warmupSeconds} s warm-up, ${options.connections} connections, log level ${options.logLevel}` +
    (profileDir ? `, CPU profiles → ${relative(ROOT_DIR, profileDir)}` : ""),
);

const log = (line) => process.stderr.write(`${line}\n`);
const results = [];
let failed = false;
for (const bench of selected) {
  console.log(`\n== ${bench.name}`);
  const started = Date.now();
  try {
    const mod = await import(join(BENCH_DIR, bench.file));
    console.log(`   ${mod.title}`);
    const benchProfileDir = profileDir && join(profileDir, bench.name);
    const { text, data } = await mod.run({ ...options, profileDir: benchProfileDir, log });
    const seconds = (Date.now() - started) / 1000;
    console.log(`\n${text}`);
    console.log(`(${seconds.toFixed(1)} s)`);
    results.push({ name: bench.name, title: mod.title, seconds, ...data });
  } catch (error) {
    failed = true;
    console.error(`\n${bench.name} FAILED: ${error.stack ?? error}`);
    results.push({ name: bench.name, error: String(error.message ?? error) });
  }
}

const busyAfter = busyness();
console.log(`\nafter the run: ${describeBusyness(busyAfter)}`);
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `${stamp}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ startedAt, machine, busyBefore, busyAfter, options, filters, results }, null, 2)}\n`,
);
console.log(`\nresults: ${relative(ROOT_DIR, file)}`);
process.exit(failed ? 1 : 0);
