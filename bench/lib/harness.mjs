// Shared plumbing for the benchmarks: server children, autocannon measurements, medians, tables.
//
// Project rule: speed is measured, not asserted. Nothing here fails because something is slow;
// it fails only when a measurement is worthless (a server that does not start, a non-2xx answer).

import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const ROOT_DIR = dirname(BENCH_DIR);

const children = new Set();
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/**
 * Starts `bench/servers/<name>.mjs` in its own process (so the server and autocannon never share
 * an event loop) and waits for its first stdout line: `{"port": N, ...}`. Everything else it
 * prints goes to our stderr. With `profileDir` the child runs under `--cpu-prof` and writes its
 * profile there when stopped.
 */
export async function startServer(name, { env = {}, profileDir, startTimeoutMs = 60_000 } = {}) {
  const script = join(BENCH_DIR, "servers", `${name}.mjs`);
  const nodeArgs = [];
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    nodeArgs.push("--cpu-prof", "--cpu-prof-dir", profileDir, "--cpu-prof-name", `${name}.cpuprofile`);
  }
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.add(child);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  exited.then(() => children.delete(child));

  const lines = createInterface({ input: child.stdout });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} server did not start within ${startTimeoutMs} ms`)),
      startTimeoutMs,
    );
    let first = true;
    lines.on("line", (line) => {
      if (!first) {
        process.stderr.write(`[${name}] ${line}\n`);
        return;
      }
      first = false;
      clearTimeout(timer);
      try {
        const info = JSON.parse(line);
        if (!Number.isInteger(info.port)) throw new Error("no port");
        resolve(info);
      } catch {
        reject(new Error(`${name} server printed ${JSON.stringify(line)} instead of {"port": N}`));
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${name} server exited before listening (code ${code}, signal ${signal})`));
    });
  });
  let info;
  try {
    info = await ready;
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }

  return {
    ...info,
    pid: child.pid,
    url: `http://127.0.0.1:${info.port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => {
        process.stderr.write(`${name} server did not stop within 10 s of SIGTERM; killing it\n`);
        child.kill("SIGKILL");
      }, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ; Linux reports process times in these

/** User + system CPU time of a process (all its threads) in µs, from /proc; null elsewhere. */
export function processCpuMicros(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // fields after the parenthesised command name; utime and stime are fields 14 and 15
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * One autocannon run against `url` (loopback, bounded by `seconds`). Throws when any answer was
 * not 2xx, or on socket errors or timeouts: a benchmark of 401s is worthless. With `server` (from
 * startServer) it also reports the server process's CPU time per request and its CPU use, which
 * tell whether the server or the load generator was the bottleneck.
 */
export async function measure({ url, headers = {}, seconds, connections, label = url, server }) {
  const cpuBefore = server ? processCpuMicros(server.pid) : null;
  const result = await autocannon({
    url,
    headers,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 10,
  });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}×${count}`)
    .join(", ");
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || result.requests.total === 0) {
    throw new Error(
      `${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts ` +
        `out of ${result.requests.total} requests (status codes: ${statuses || "none"}); ` +
        "the measurement is worthless",
    );
  }
  const cpuAfter = server ? processCpuMicros(server.pid) : null;
  const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return {
    requestsPerSecond: result.requests.total / result.duration,
    serverCpuMicrosPerRequest: cpu === null ? null : cpu / result.requests.total,
    serverCpuShare: cpu === null ? null : cpu / (result.duration * 1e6),
    requests: result.requests.total,
    seconds: result.duration,
    latencyMs: {
      average: result.latency.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    throughputBytesPerSecond: result.throughput.average,
    statusCodes: statuses,
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Measures several targets in alternation (a, b, a, b, …) after a warm-up of each, so that slow
 * drift of the machine (thermal, other load) hits every target alike. Returns per-target
 * samples and medians.
 */
export async function alternate(targets, { rounds, seconds, warmupSeconds, connections, log }) {
  for (const target of targets) {
    if (warmupSeconds > 0) {
      log(`  warm-up ${target.name} (${warmupSeconds} s)`);
      await measure({ ...target, seconds: warmupSeconds, connections, label: `${target.name} warm-up` });
    }
  }
  const samples = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) {
      const sample = await measure({ ...target, seconds, connections, label: target.name });
      samples[target.name].push(sample);
      log(
        `  round ${round}/${rounds} ${target.name}: ${fmtInt(sample.requestsPerSecond)} req/s, ` +
          `p50 ${fmtMs(sample.latencyMs.p50)}, p99 ${fmtMs(sample.latencyMs.p99)}` +
          (sample.serverCpuShare === null
            ? ""
            : `, server CPU ${fmtPct(sample.serverCpuShare)} (${sample.serverCpuMicrosPerRequest.toFixed(1)} µs/req)`),
      );
    }
  }
  return targets.map((target) => {
    const list = samples[target.name];
    return {
      name: target.name,
      description: target.description,
      requestsPerSecond: median(list.map((s) => s.requestsPerSecond)),
      latencyMs: {
        p50: median(list.map((s) => s.latencyMs.p50)),
        p99: median(list.map((s) => s.latencyMs.p99)),
      },
      serverCpuMicrosPerRequest: medianOrNull(list.map((s) => s.serverCpuMicrosPerRequest)),
      serverCpuShare: medianOrNull(list.map((s) => s.serverCpuShare)),
      samples: list,
    };
  });
}

const medianOrNull = (values) => (values.includes(null) ? null : median(values));

export const fmtInt = (n) => Math.round(n).toLocaleString("en-US");
/** autocannon records latency in whole milliseconds */
export const fmtMs = (n) => `${Number.isInteger(n) ? n : Number(n).toFixed(1)} ms`;
export const fmtPct = (n) => `${(n * 100).toFixed(1)} %`;

/** A plain text table; numbers (strings starting with a digit) are right-aligned. */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const isNumeric = (s) => /^[\d.,-]/.test(s);
  const line = (cells) =>
    cells
      .map((cell, i) => {
        const s = String(cell);
        return isNumeric(s) && i > 0 ? s.padStart(widths[i]) : s.padEnd(widths[i]);
      })
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
