// The evidence log (CT-7, decision 0013): how many events per second become durable log entries,
// how long until an event is covered by a signed checkpoint, and what a proof costs at 1M entries,
// against plain batched SQLite inserts of the same rows measured in the same run. Issue goals:
// ≥ 50,000 entries/s on SQLite and ≥ 15 % of the baseline; proofs under 1 ms at 1M entries.
//
// Every measurement runs in a child process of its own (bench/workers/evidence.mjs) on a fresh
// temp data dir or a fresh PostgreSQL database, in this order:
//   1. baseline   better-sqlite3, one prepared INSERT per row, one transaction per 1,000 entries;
//                 (a) the evidence_entries row alone (same table, indexes and byte sizes),
//                 (b) every row the log path writes per entry (outbox + entry + nodes + trail);
//                 (a) is measured again after the SQLite appends and the mean is the baseline.
//   2. sustained  P producers (1, 16, 256) each looping `await k.events.publish(event)` for
//                 YAOSU_BENCH_SECONDS while startEvidenceLog sequences in the same process.
//                 "sustained" = entries sequenced into the log (evidence_state.size) per second
//                 over the steady window (after 1 s of warm-up until the producers stop).
//   3. latency    events published at a steady rate (open loop), emit → first signed checkpoint
//                 that covers the event (polled every 2 ms on a second connection), with the
//                 default checkpoint interval and with the minimum (100 ms).
//   4. tree       an outbox pre-filled with S = 200,000 events (written directly, row for row
//                 what outbox.emitMany writes) drained by the real runner with its default batch
//                 size: the sequencer-only throughput. Then the SHORTCUT to the 1M-entry tree:
//                 the other N − S events are pre-filled the same way and drained by a fresh
//                 runner with batches of 50,000 (same code, same tables, fewer transactions; at
//                 the default batch the 1M drain alone takes ~80 s here). Then
//                 proveInclusion / proveConsistency at size N, each call timed (wall and CPU),
//                 a sample verified against the signed root.
//   5. the same on PostgreSQL (sustained, latency at the default interval, proofs).
//
// From run.mjs it takes YAOSU_BENCH_SECONDS (window of each sustained/latency run), the log level
// and YAOSU_BENCH_PROFILE=1 (every child under --cpu-prof, one .cpuprofile per measurement);
// rounds, warm-up and connections do not apply. Its own environment:
//   YAOSU_BENCH_EVIDENCE_ENTRIES     SQLite proof tree size (default 1,000,000)
//   YAOSU_BENCH_EVIDENCE_PG_ENTRIES  PostgreSQL proof tree size (default 100,000; 0 = skip)
//   YAOSU_BENCH_EVIDENCE_PROOFS      timed proofs of each kind (default 2,000)
//   YAOSU_BENCH_EVIDENCE_PRODUCERS   producer counts (default 1,16,256)
//   YAOSU_BENCH_EVIDENCE_RATE        events/s of the latency load (default 2,000)
//   YAOSU_BENCH_EVIDENCE_SEQ_ENTRIES sequencer-only measurement size S (default 200,000)
//   YAOSU_BENCH_EVIDENCE_BATCH       sequencer batch size for S (default: the sequencer's, 4,000)
//   YAOSU_BENCH_EVIDENCE_BIG_BATCH   batch size of the shortcut to N (default 50,000)
//   YAOSU_BENCH_EVIDENCE_PG=0        skip PostgreSQL
//   YAOSU_BENCH_PG_URL               PostgreSQL admin URL (default postgres://postgres@127.0.0.1:5432/postgres)
//   YAOSU_CHECKPOINT_INTERVAL_MS     the "default" interval of the latency runs (default 1000)

import { join } from "node:path";
import { runChild } from "./lib/child.mjs";
import { BENCH_DIR, fmtInt, fmtPct, table } from "./lib/harness.mjs";
import { createDatabase, PG_ADMIN_URL, pgVersion } from "./lib/pg.mjs";

export const title =
  "evidence log: sustained appends (SQLite, PostgreSQL), emit → signed checkpoint latency, proofs at 1M entries, vs plain SQLite inserts";

const GOAL_RATE = 50_000;
const GOAL_SHARE = 0.15;
const GOAL_PROOF_US = 1000;
const WORKER = join(BENCH_DIR, "workers", "evidence.mjs");

const int = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}=${raw}: expected a non-negative integer`);
  return n;
};

export async function run(ctx) {
  const seconds = ctx.seconds;
  const warmupSeconds = Math.min(1, seconds / 4);
  const entries = int("YAOSU_BENCH_EVIDENCE_ENTRIES", 1_000_000);
  const pgEntries = int("YAOSU_BENCH_EVIDENCE_PG_ENTRIES", 100_000);
  const proofs = int("YAOSU_BENCH_EVIDENCE_PROOFS", 2000);
  const rate = int("YAOSU_BENCH_EVIDENCE_RATE", 2000);
  const seqEntries = int("YAOSU_BENCH_EVIDENCE_SEQ_ENTRIES", 200_000);
  const batchSize = int("YAOSU_BENCH_EVIDENCE_BATCH", 0) || undefined;
  const bigBatch = int("YAOSU_BENCH_EVIDENCE_BIG_BATCH", 50_000);
  const producerCounts = (process.env.YAOSU_BENCH_EVIDENCE_PRODUCERS || "1,16,256")
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const defaultInterval = int("YAOSU_CHECKPOINT_INTERVAL_MS", 1000);
  const base = { logLevel: ctx.logLevel };

  const child = async (name, task, db) => {
    ctx.log(`  ${name}…`);
    const started = Date.now();
    const result = await runChild(
      WORKER,
      { ...base, ...task, ...(db ? { pgUrl: db.url } : {}) },
      {
        profileDir: ctx.profileDir,
        profileName: name,
      },
    );
    ctx.log(`  ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  const onPostgres = async (name, task) => {
    const db = await createDatabase("yaosu_bench_evidence");
    try {
      return await child(name, { ...task, dialect: "postgres" }, db);
    } finally {
      await db.drop();
    }
  };

  // ---- SQLite
  const baselineEntry1 = await child("baseline-entry", {
    kind: "baseline",
    rows: "entry",
    seconds,
    batch: 1000,
  });
  const baselineAll = await child("baseline-all", { kind: "baseline", rows: "all", seconds, batch: 1000 });
  const sqliteSustained = [];
  for (const producers of producerCounts)
    sqliteSustained.push(
      await child(`sqlite-sustained-${producers}`, {
        kind: "sustained",
        dialect: "sqlite",
        producers,
        seconds,
        warmupSeconds,
      }),
    );
  const baselineEntry2 = await child("baseline-entry-again", {
    kind: "baseline",
    rows: "entry",
    seconds,
    batch: 1000,
  });
  const baselineRate = (baselineEntry1.entriesPerSecond + baselineEntry2.entriesPerSecond) / 2;
  const latencies = [];
  for (const interval of [...new Set([defaultInterval, 100])])
    latencies.push({
      dialect: "sqlite",
      ...(await child(`sqlite-latency-${interval}ms`, {
        kind: "latency",
        dialect: "sqlite",
        rate,
        seconds,
        checkpointIntervalMs: interval,
      })),
    });
  const trees = [];
  if (entries > 0)
    trees.push({
      dialect: "sqlite",
      ...(await child("sqlite-tree", {
        kind: "tree",
        dialect: "sqlite",
        entries,
        seqEntries,
        proofs,
        batchSize,
        bigBatch,
      })),
    });

  // ---- PostgreSQL
  const pg = process.env.YAOSU_BENCH_EVIDENCE_PG === "0" ? { skipped: "YAOSU_BENCH_EVIDENCE_PG=0" } : {};
  const pgSustained = [];
  if (!pg.skipped) {
    const { version, error } = await pgVersion(PG_ADMIN_URL);
    if (!version) pg.skipped = `PostgreSQL unreachable at ${redact(PG_ADMIN_URL)}: ${error}`;
    else pg.version = version;
  }
  if (!pg.skipped) {
    for (const producers of producerCounts)
      pgSustained.push(
        await onPostgres(`pg-sustained-${producers}`, {
          kind: "sustained",
          producers,
          seconds,
          warmupSeconds,
        }),
      );
    latencies.push({
      dialect: "postgres",
      ...(await onPostgres(`pg-latency-${defaultInterval}ms`, {
        kind: "latency",
        rate,
        seconds,
        checkpointIntervalMs: defaultInterval,
      })),
    });
    if (pgEntries > 0)
      trees.push({
        dialect: "postgres",
        ...(await onPostgres("pg-tree", {
          kind: "tree",
          entries: pgEntries,
          seqEntries: Math.max(seqEntries, pgEntries),
          proofs,
          batchSize,
          bigBatch,
        })),
      });
  }

  // ---- report
  const lines = [];
  const out = (...l) => lines.push(...l);
  const us = (n) => (n === null || n === undefined ? "n/a" : `${Math.round(n)} µs`);
  const ms = (n) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
  const entryBytes = Math.round(baselineEntry1.entryBytes);
  const kib = (n) => (n === null || n === undefined ? "n/a" : `${n.toFixed(1)} KiB`);

  out(
    `Baseline: plain better-sqlite3 (prepared INSERT per row, 1,000 entries per transaction, WAL, synchronous=NORMAL,`,
    `64 MiB cache — the kernel's pragmas) into the migrated schema; rows made outside the timed transactions.`,
    table(
      ["rows per entry", "entries/s", "samples"],
      [
        [
          `(a) evidence_entries row only (${entryBytes} B entry + 32 B hash; pk, unique event_id, leaf_hash index)`,
          fmtInt(baselineRate),
          `${fmtInt(baselineEntry1.entriesPerSecond)} / ${fmtInt(baselineEntry2.entriesPerSecond)}`,
        ],
        [
          `(b) all rows the log path writes: outbox + entry + ${(baselineAll.counts.nodes / baselineAll.counts.entries).toFixed(0)} interior evidence_nodes + ${(baselineAll.counts.subjects / baselineAll.counts.entries).toFixed(0)} trail rows`,
          fmtInt(baselineAll.entriesPerSecond),
          fmtInt(baselineAll.entriesPerSecond),
        ],
      ],
    ),
    "",
  );

  const sustainedRow = (dialect, r) => [
    dialect,
    String(r.producers),
    fmtInt(r.publishesPerSecond),
    fmtInt(r.steadySequencedPerSecond),
    fmtInt(r.endToEndPerSecond),
    fmtInt(r.backlogAtStop),
    ms(r.drainSeconds * 1000),
    fmtInt(r.sequencer.meanBatch),
    r.sequencer.usPerEntry === null ? "n/a" : r.sequencer.usPerEntry.toFixed(1),
    dialect === "sqlite" ? kib(r.writtenKiBPerEntry) : "(server)",
    fmtPct(r.cpuShareWindow),
    ms(r.eventLoop.maxMs),
    dialect === "sqlite" ? fmtPct(r.steadySequencedPerSecond / baselineRate) : "",
    dialect === "sqlite" ? fmtPct(r.steadySequencedPerSecond / baselineAll.entriesPerSecond) : "",
  ];
  out(
    `Sustained appends: P producers × \`await k.events.publish(event)\` for ${seconds} s, startEvidenceLog in the same process;`,
    `sustained = entries sequenced per second from ${warmupSeconds} s (warm-up) until the producers stop; end to end = all`,
    "published events in the log ÷ (first publish … log drained); backlog = outbox rows not yet in the log at the stop.",
    "Batch and µs/entry: the sequencer's transactions in the steady window. Written/entry: bytes the process passed to",
    "write(2) (WAL frames and checkpoints) per entry sequenced. Loop stall: longest time without timers.",
    table(
      [
        "db",
        "producers",
        "publishes/s",
        "sustained/s",
        "end-to-end/s",
        "backlog",
        "drain",
        "batch",
        "seq µs/entry",
        "written/entry",
        "CPU",
        "loop stall",
        "% of (a)",
        "% of (b)",
      ],
      [
        ...sqliteSustained.map((r) => sustainedRow("sqlite", r)),
        ...pgSustained.map((r) => sustainedRow("postgres", r)),
      ],
    ),
    "",
  );

  const drainRow = (dialect, what, fill, d) => [
    dialect,
    what,
    fmtInt(d.entries),
    String(d.batchSize),
    fmtInt(fill.perSecond),
    fmtInt(d.perSecond),
    d.marks.map((m) => fmtInt(m.perSecond)).join(" "),
    d.usPerEntryInBatch.toFixed(1),
    dialect === "sqlite" ? kib(d.writtenKiBPerEntry) : "(server)",
    fmtPct(d.cpuShare),
    ms(d.eventLoop.maxMs),
  ];
  if (trees.length)
    out(
      "Sequencer only: the outbox pre-filled (direct INSERTs of the rows outbox.emitMany writes), then drained by",
      "startEvidenceLog. Per tenth: entries/s for each successive tenth of the drain. The shortcut rows only build the",
      "proof tree (bigger batches; same code and tables) and are not the sequencer-only figure.",
      table(
        [
          "db",
          "drain",
          "entries",
          "batch",
          "pre-fill/s",
          "sequenced/s",
          "per tenth (entries/s)",
          "µs/entry in batch",
          "written/entry",
          "CPU",
          "loop stall",
        ],
        trees.flatMap((t) => [
          drainRow(t.dialect, `sequencer only (log 0 → ${fmtInt(t.seqEntries)})`, t.fill, t.sequencerOnly),
          ...(t.shortcut
            ? [drainRow(t.dialect, `shortcut (→ ${fmtInt(t.entries)})`, t.fill2, t.shortcut)]
            : []),
        ]),
      ),
      "",
    );

  if (latencies.length)
    out(
      `Emit → signed checkpoint: ${fmtInt(rate)} events/s published open-loop for ${seconds} s; latency = first visible checkpoint`,
      "with size > the event's index − publish() call. It is dominated by YAOSU_CHECKPOINT_INTERVAL_MS (a checkpoint at most",
      "once per interval while the tree grows): expect ≈ interval/2 at p50 and ≈ interval at p99, plus the sequencing lag.",
      table(
        ["db", "interval", "events", "checkpoints", "p50", "p90", "p99", "max", "receipt p50", "receipt p99"],
        latencies.map((l) => [
          l.dialect,
          `${l.checkpointIntervalMs} ms`,
          fmtInt(l.events),
          String(l.checkpoints),
          ms(l.toCheckpointMs.p50),
          ms(l.toCheckpointMs.p90),
          ms(l.toCheckpointMs.p99),
          ms(l.toCheckpointMs.max),
          ms(l.toReceiptMs.p50),
          ms(l.toReceiptMs.p99),
        ]),
      ),
      "",
    );

  if (trees.length)
    out(
      "Proofs: proveInclusion(db, random index, N) and proveConsistency(db, random m, N), each call timed, after 200 warm-up",
      "calls; every 50th pair verified with the Merkle library against the signed root. CPU = this process's CPU time per",
      "call: wall ≫ CPU means the call waited (for a CPU on this loaded machine, or for PostgreSQL).",
      table(
        [
          "db",
          "tree size",
          "proof",
          "calls",
          "hashes",
          "p50",
          "p90",
          "p99",
          "max",
          "mean",
          "CPU p50",
          "CPU p99",
          "verified",
        ],
        trees.flatMap((t) =>
          [
            ["inclusion", t.inclusionUs, t.inclusionCpuUs],
            ["consistency", t.consistencyUs, t.consistencyCpuUs],
          ].map(([kind, s, c]) => [
            t.dialect,
            fmtInt(t.entries),
            kind,
            fmtInt(s.n),
            `≤ ${t.proofHashes}`,
            us(s.p50),
            us(s.p90),
            us(s.p99),
            us(s.max),
            us(s.mean),
            us(c.p50),
            us(c.p99),
            `${t.verified} pairs`,
          ]),
        ),
      ),
      ...trees.map(
        (t) =>
          `${t.dialect}: ${t.slowCalls.overOneMs} of ${fmtInt(2 * t.proofs)} calls took > 1 ms, ${t.slowCalls.duringGc} of them ` +
          `overlapped one of the ${t.slowCalls.gcs} garbage collections during the proofs`,
      ),
      "",
    );

  // goals
  const best = sqliteSustained.reduce(
    (a, r) => (r.steadySequencedPerSecond > (a?.steadySequencedPerSecond ?? -1) ? r : a),
    null,
  );
  const verdict = (ok) => (ok ? "met" : "NOT met");
  const sqliteTree = trees.find((t) => t.dialect === "sqlite");
  if (best) {
    const share = best.steadySequencedPerSecond / baselineRate;
    out(
      `Goals (SQLite, best producer count = ${best.producers}):`,
      `  sustained appends ${fmtInt(best.steadySequencedPerSecond)} entries/s — goal ≥ ${fmtInt(GOAL_RATE)}/s: ${verdict(best.steadySequencedPerSecond >= GOAL_RATE)}`,
      `  ${fmtPct(share)} of baseline (a) ${fmtInt(baselineRate)} rows/s — goal ≥ ${fmtPct(GOAL_SHARE)}: ${verdict(share >= GOAL_SHARE)}` +
        ` (${fmtPct(best.steadySequencedPerSecond / baselineAll.entriesPerSecond)} of baseline (b))`,
    );
  }
  if (sqliteTree)
    out(
      `  sequencer only (pre-filled outbox, batch ${sqliteTree.sequencerOnly.batchSize}): ${fmtInt(sqliteTree.sequencerOnly.perSecond)} entries/s = ` +
        `${fmtPct(sqliteTree.sequencerOnly.perSecond / baselineRate)} of (a), ${fmtPct(sqliteTree.sequencerOnly.perSecond / baselineAll.entriesPerSecond)} of (b)`,
    );
  if (sqliteTree) {
    const inc = sqliteTree.inclusionUs;
    const con = sqliteTree.consistencyUs;
    const scale =
      sqliteTree.entries === 1_000_000
        ? "at 1M entries"
        : `at ${fmtInt(sqliteTree.entries)} entries (not 1M)`;
    out(
      `  proofs ${scale} — goal < 1 ms: inclusion p50 ${us(inc.p50)} ${verdict(inc.p50 < GOAL_PROOF_US)}, p99 ${us(inc.p99)} ${verdict(inc.p99 < GOAL_PROOF_US)};` +
        ` consistency p50 ${us(con.p50)} ${verdict(con.p50 < GOAL_PROOF_US)}, p99 ${us(con.p99)} ${verdict(con.p99 < GOAL_PROOF_US)}`,
    );
  }
  if (pg.skipped) out(`PostgreSQL: skipped (${pg.skipped})`);
  else out(`PostgreSQL ${pg.version} at ${redact(PG_ADMIN_URL)} (same machine)`);

  return {
    text: lines.join("\n"),
    data: {
      goals: { rate: GOAL_RATE, share: GOAL_SHARE, proofUs: GOAL_PROOF_US },
      settings: {
        seconds,
        warmupSeconds,
        entries,
        seqEntries,
        pgEntries,
        proofs,
        rate,
        producerCounts,
        batchSize,
        bigBatch,
      },
      baseline: { entry: [baselineEntry1, baselineEntry2], entryMean: baselineRate, all: baselineAll },
      sustained: { sqlite: sqliteSustained, postgres: pgSustained },
      latencies,
      trees,
      postgres: pg,
    },
  };
}

const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
