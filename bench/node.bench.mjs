// The node's import and PII scan (issue 5 item 12, PR-3, PR-1): rows/s of `importFile` — hash the
// source, parse it in full with DuckDB (rejects kept, so a bad row names its line), write zstd
// Parquet, seal it with AES-256-GCM into the vault — against DuckDB's own
// `CREATE TABLE … AS SELECT * FROM read_csv(file)` of the same file in the same run (the baseline:
// the least any import must do). Goal: import ≥ 50 % of raw DuckDB. Then the PII scan over a
// reservoir sample of the imported dataset: rows/s end to end (unseal + DuckDB sample + detectors)
// and of the detectors alone.
//
// The CSV is generated once per run into a temp dir: id, name, mobile, city, amount, date —
// zh_CN names and cities (a pool drawn with @faker-js/faker zh_CN), allocated mobile segments.
// Baseline and import alternate for YAOSU_BENCH_ROUNDS rounds; medians are reported.
// It runs in this process against the BUILT code (dist/; `npm run build:server` first).
//
// Environment:
//   YAOSU_BENCH_NODE_ROWS         rows in the CSV (default 1,000,000)
//   YAOSU_BENCH_NODE_SCAN_SAMPLE  rows in the scan's sample (default 20,000)
//   YAOSU_BENCH_DIST              where the built code is (default dist/)

import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { Faker, zh_CN } from "@faker-js/faker";
import { fmtInt, fmtPct, median, ROOT_DIR, table } from "./lib/harness.mjs";

export const title = "node: import rows/s vs DuckDB read_csv of the same file; PII scan rows/s";

const GOAL_SHARE = 0.5;

const int = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}=${raw}: expected a positive integer`);
  return n;
};

const dist = pathToFileURL(`${resolve(process.env.YAOSU_BENCH_DIST ?? join(ROOT_DIR, "dist"))}/`);
const load = (path) => import(new URL(path, dist).href);

/** A deterministic CSV of `rows` people-like records, written as a stream (never held in memory). */
async function writeCsv(path, rows) {
  const f = new Faker({ locale: [zh_CN] });
  f.seed(2026);
  const names = Array.from({ length: 5000 }, () => f.person.fullName());
  const cities = Array.from({ length: 300 }, () => f.location.city());
  const segments = ["130", "135", "138", "139", "150", "158", "177", "186", "189", "199"];
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const out = createWriteStream(path);
  const write = (s) => (out.write(s) ? undefined : new Promise((r) => out.once("drain", r)));
  await write("id,name,mobile,city,amount,date\n");
  let chunk = "";
  for (let i = 1; i <= rows; i++) {
    const r = next();
    const mobile = `${segments[r % 10]}${String(next() % 100_000_000).padStart(8, "0")}`;
    const day = new Date(Date.UTC(2024, 0, 1) + (r % 730) * 86_400_000).toISOString().slice(0, 10);
    chunk += `${i},${names[r % names.length]},${mobile},${cities[next() % cities.length]},${((next() % 1_000_000) / 100).toFixed(2)},${day}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
}

/** The baseline: DuckDB reads the whole CSV into a table, nothing else (same scratch setup as the vault). */
async function duckdbReadCsv(file, scratch) {
  const instance = await DuckDBInstance.create(":memory:", {
    temp_directory: join(scratch, "spill"),
    autoinstall_known_extensions: "false",
  });
  const conn = await instance.connect();
  try {
    const started = performance.now();
    await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = true)`);
    const ms = performance.now() - started;
    const rows = Number((await conn.runAndReadAll("SELECT count(*) FROM t")).getRows()[0][0]);
    return { ms, rows };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export async function run({ rounds, log }) {
  const rows = int("YAOSU_BENCH_NODE_ROWS", 1_000_000);
  const scanSample = int("YAOSU_BENCH_NODE_SCAN_SAMPLE", 20_000);
  if (!existsSync(new URL("node/vault/index.js", dist)))
    throw new Error(`build first: no ${dist.pathname}node/vault/index.js`);
  const { importFile, openVault, scanDataset, inspectDataset } = await load("node/vault/index.js");
  const { scanTable } = await load("lib/pii/index.js");

  const dir = mkdtempSync(join(tmpdir(), "yaosu-node-bench-"));
  try {
    const file = join(dir, "people.csv");
    log(`    generating ${fmtInt(rows)} rows …`);
    await writeCsv(file, rows);
    const bytes = statSync(file).size;
    const vault = await openVault(join(dir, "vault"), randomBytes(32));
    let n = 0;
    const newId = () => `dst_01J${String(n++).padStart(23, "0")}`;

    const baseline = [];
    const imports = [];
    const phases = [];
    let datasetId;
    for (let round = 0; round < rounds; round++) {
      const base = await duckdbReadCsv(file, dir);
      if (base.rows !== rows) throw new Error(`DuckDB read ${base.rows} rows, expected ${rows}`);
      baseline.push(base.ms);
      const marks = {};
      const started = performance.now();
      const record = await importFile(vault, {
        path: file,
        ownerParticipantId: "ptc_01J0000000000000000000000",
        maxBytes: 8 * 1024 ** 3,
        newId,
        now: () => new Date(),
        onProgress: (phase) => {
          marks[phase] ??= performance.now();
        },
      });
      const end = performance.now();
      if (record.rows !== rows) throw new Error(`import kept ${record.rows} rows, expected ${rows}`);
      imports.push(end - started);
      phases.push({ hash: marks.parse - started, parse: marks.seal - marks.parse, seal: end - marks.seal });
      datasetId = record.id;
      log(`    round ${round + 1}: read_csv ${fmtInt(base.ms)} ms, import ${fmtInt(end - started)} ms`);
    }
    const baseMs = median(baseline);
    const importMs = median(imports);
    const share = baseMs / importMs;
    const phase = (k) => median(phases.map((p) => p[k]));

    // Scan: end to end (unseal, DuckDB reservoir sample, detectors) and the detectors alone.
    const scanStarted = performance.now();
    const scan = await scanDataset(vault, datasetId, scanSample, new Date());
    const scanMs = performance.now() - scanStarted;
    const columns = await vault.query(datasetId, async (conn) => {
      const reader = await conn.runAndReadAll(
        `SELECT COLUMNS(*)::VARCHAR FROM dataset USING SAMPLE reservoir(${scanSample} ROWS) REPEATABLE (7)`,
      );
      const names = reader.columnNames();
      return reader.getColumnsJS().map((values, i) => ({ name: names[i], values }));
    });
    const detectStarted = performance.now();
    scanTable(columns, { today: new Date() });
    const detectMs = performance.now() - detectStarted;
    const profileStarted = performance.now();
    await inspectDataset(vault, datasetId, { scanSample, now: () => new Date() });
    const profileMs = performance.now() - profileStarted;

    const rps = (count, ms) => (count / ms) * 1000;
    const labels = scan.columns.map((c) => `${c.name}=${c.label}`).join(", ");
    const text = [
      `CSV: ${fmtInt(rows)} rows, ${(bytes / 1024 ** 2).toFixed(1)} MiB; median of ${rounds} alternating rounds`,
      "",
      table(
        ["import", "ms", "rows/s", "MiB/s", "vs read_csv"],
        [
          [
            "DuckDB read_csv → table (baseline)",
            fmtInt(baseMs),
            fmtInt(rps(rows, baseMs)),
            (bytes / 1024 ** 2 / (baseMs / 1000)).toFixed(1),
            "100.0 %",
          ],
          [
            "importFile (hash, parse, Parquet, seal)",
            fmtInt(importMs),
            fmtInt(rps(rows, importMs)),
            (bytes / 1024 ** 2 / (importMs / 1000)).toFixed(1),
            fmtPct(share),
          ],
          ["  of which hash (SHA-256 of the file)", fmtInt(phase("hash")), "", "", ""],
          ["  of which parse + Parquet (DuckDB)", fmtInt(phase("parse")), "", "", ""],
          ["  of which seal (AES-256-GCM)", fmtInt(phase("seal")), "", "", ""],
        ],
      ),
      "",
      `goal: import ≥ ${fmtPct(GOAL_SHARE)} of raw DuckDB — ${share >= GOAL_SHARE ? "met" : "NOT met"} (${fmtPct(share)})`,
      "",
      table(
        ["PII scan", "ms", "sampled rows/s", "values/s"],
        [
          [
            `scanDataset, ${fmtInt(scan.sampledRows)}-row sample (unseal + sample + detect)`,
            fmtInt(scanMs),
            fmtInt(rps(scan.sampledRows, scanMs)),
            fmtInt(rps(scan.sampledRows * columns.length, scanMs)),
          ],
          [
            "  detectors alone (scanTable)",
            fmtInt(detectMs),
            fmtInt(rps(scan.sampledRows, detectMs)),
            fmtInt(rps(scan.sampledRows * columns.length, detectMs)),
          ],
          [
            `profile + scan (inspectDataset, all ${fmtInt(rows)} rows profiled)`,
            fmtInt(profileMs),
            fmtInt(rps(rows, profileMs)),
            "",
          ],
        ],
      ),
      `labels: ${labels}`,
    ].join("\n");
    return {
      text,
      data: {
        rows,
        bytes,
        rounds,
        baselineMs: baseMs,
        importMs,
        shareOfBaseline: share,
        goalShare: GOAL_SHARE,
        phasesMs: { hash: phase("hash"), parse: phase("parse"), seal: phase("seal") },
        scan: { sampledRows: scan.sampledRows, ms: scanMs, detectMs, profileMs },
        labels: Object.fromEntries(scan.columns.map((c) => [c.name, c.label])),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
