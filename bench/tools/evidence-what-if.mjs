// What would a change in src/ buy the evidence log? A one-off diagnostic for the evidence
// benchmark (run.mjs does not run it): copies dist/ to temporary directories, applies small
// textual patches that stand in for candidate changes, and runs two of the benchmark's real
// measurements on every variant, in child processes (bench/workers/evidence.mjs with
// YAOSU_BENCH_DIST), alternating variants in rounds:
//   sequencer only  an outbox pre-filled with 200,000 events drained by startEvidenceLog
//   sustained       256 producers × `await k.events.publish(event)` for YAOSU_BENCH_SECONDS (5)
//
//   npm run build:server && node bench/tools/evidence-what-if.mjs [variant…]
//
// Environment: YAOSU_BENCH_ROUNDS (default 1), YAOSU_BENCH_SECONDS (5),
// YAOSU_BENCH_EVIDENCE_SEQ_ENTRIES (200,000). The patches match the compiled code of today;
// when the code changes, a patch that no longer applies stops the run with its name.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runChild } from "../lib/child.mjs";
import { BENCH_DIR, median, ROOT_DIR, table } from "../lib/harness.mjs";

const ROUNDS = Number(process.env.YAOSU_BENCH_ROUNDS || 1);
const SECONDS = Number(process.env.YAOSU_BENCH_SECONDS || 5);
const SEQ_ENTRIES = Number(process.env.YAOSU_BENCH_EVIDENCE_SEQ_ENTRIES || 200_000);

const replace = (from, to) => (s) => s.replace(from, to);
const PATCHES = {
  // the sequencer stores the leaf (level 0) in evidence_nodes too, although the tree reader takes
  // leaves from evidence_entries (evidence.tables.ts says "not stored twice")
  noLeafNodes: [
    "modules/evidence/sequencer.js",
    replace(
      "for (const node of range.append(hash))\n",
      "for (const node of range.append(hash).filter((n) => n.level > 0))\n",
    ),
  ],
  // no index on evidence_entries.leaf_hash: one random B-tree insert per entry less
  // (findEntriesByLeafHash would then scan; stands in for "drop it or index a short prefix lazily")
  noHashIndex: [
    "modules/evidence/evidence.migrations.js",
    replace(
      /await db\.schema\s*\.createIndex\("evidence_entries_leaf_hash"\)[\s\S]*?\.execute\(\);/,
      "/* no leaf_hash index */",
    ),
  ],
  // checkpoint the WAL every 64 MiB instead of every 4 MiB: fewer checkpoints (each with 2 fsyncs)
  bigWal: [
    "kernel/db/database.js",
    replace(
      'connection.pragma("cache_size = -65536");',
      'connection.pragma("cache_size = -65536");\n    connection.pragma("wal_autocheckpoint = 16384");',
    ),
  ],
  // no trail rows at all (what the 2 evidence_subjects rows per entry cost in the hot transaction)
  noTrail: ["modules/evidence/sequencer.js", replace("await insertSubjects(trx, subjects);", "")],
  // the runner yields to the event loop between full batches (setImmediate) instead of chaining
  // promises, so timers and sockets are served while a backlog drains
  yield: [
    "modules/evidence/runner.js",
    replace(
      "if (appended < sequencer.batchSize)\n                    await pause(IDLE_MS);",
      "if (appended < sequencer.batchSize)\n                    await pause(IDLE_MS);\n                else\n                    await new Promise((r) => setImmediate(r));",
    ),
  ],
  // bulk inserts through one cached better-sqlite3 statement per table, row by row, instead of
  // Kysely building and compiling a 2,000-row multi-VALUES insert (sequencer) or a 1,000-row
  // INSERT … RETURNING (publisher)
  rawInsertsDb: [
    "kernel/db/database.js",
    replace(
      "const connection = new SQLite(file);",
      "const connection = new SQLite(file);\n    globalThis.__rawSqlite = connection;",
    ),
  ],
  rawInsertsRepo: [
    "modules/evidence/evidence.repo.js",
    replace(
      "async function insertChunked(db, table, rows) {",
      `const __statements = new Map();
async function insertChunked(db, table, rows) {
    const raw = globalThis.__rawSqlite;
    if (raw && rows.length > 0) {
        const columns = Object.keys(rows[0]);
        let statement = __statements.get(table);
        if (!statement) {
            statement = raw.prepare(\`insert into \${table} (\${columns.join(", ")}) values (\${columns.map(() => "?").join(", ")})\`);
            __statements.set(table, statement);
        }
        for (const row of rows) statement.run(columns.map((c) => row[c]));
        return;
    }`,
    ),
  ],
  rawInsertsOutbox: [
    "kernel/outbox.js",
    replace(
      "        const inserted = await typed(trx)",
      `        const raw = globalThis.__rawSqlite;
        if (raw) {
            const statement = (globalThis.__rawOutboxInsert ??= raw
                .prepare("insert into outbox_events (id, type, subject_ids, actor, payload, occurred_at) values (?, ?, ?, ?, ?, ?) returning seq")
                .pluck());
            return events.map((event, i) => {
                const r = rows[i];
                const seq = statement.get(r.id, r.type, r.subject_ids, r.actor, r.payload, r.occurred_at);
                return { ...event, seq: Number(seq), txId: null, id: r.id, occurredAt: at };
            });
        }
        const inserted = await typed(trx)`,
    ),
  ],
};
const RAW = ["rawInsertsDb", "rawInsertsRepo", "rawInsertsOutbox"];
const VARIANTS = {
  asIs: [],
  noLeafNodes: ["noLeafNodes"],
  noHashIndex: ["noHashIndex"],
  bigWal: ["bigWal"],
  rawInserts: RAW,
  noTrail: ["noTrail"],
  yield: ["yield"],
  combined: ["noLeafNodes", "noHashIndex", "bigWal", ...RAW, "yield"],
  combinedNoTrail: ["noLeafNodes", "noHashIndex", "bigWal", ...RAW, "yield", "noTrail"],
};

const only = process.argv.slice(2).filter((a) => a !== "--");
const chosen = Object.entries(VARIANTS).filter(([name]) => only.length === 0 || only.includes(name));
const scratch = mkdtempSync(join(tmpdir(), "yaosu-evidence-what-if-"));
process.once("exit", () => rmSync(scratch, { recursive: true, force: true }));

function build(name, patches) {
  const dir = join(scratch, name);
  mkdirSync(dir);
  cpSync(join(ROOT_DIR, "dist"), join(dir, "dist"), { recursive: true });
  cpSync(join(ROOT_DIR, "package.json"), join(dir, "package.json"));
  symlinkSync(join(ROOT_DIR, "node_modules"), join(dir, "node_modules"));
  for (const patch of patches) {
    const [file, apply] = PATCHES[patch];
    const path = join(dir, "dist", file);
    const before = readFileSync(path, "utf8");
    const after = apply(before);
    if (after === before) throw new Error(`patch ${patch} no longer applies to dist/${file}`);
    writeFileSync(path, after);
  }
  return join(dir, "dist");
}

const dists = Object.fromEntries(chosen.map(([name, patches]) => [name, build(name, patches)]));
const worker = join(BENCH_DIR, "workers", "evidence.mjs");
const samples = Object.fromEntries(chosen.map(([name]) => [name, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const [name] of chosen) {
    const env = { YAOSU_BENCH_DIST: dists[name] };
    const tree = await runChild(
      worker,
      { kind: "tree", dialect: "sqlite", entries: SEQ_ENTRIES, seqEntries: SEQ_ENTRIES, proofs: 0 },
      { env },
    );
    const sustained = await runChild(
      worker,
      { kind: "sustained", dialect: "sqlite", producers: 256, seconds: SECONDS, warmupSeconds: 1 },
      { env },
    );
    samples[name].push({ sequencer: tree.sequencerOnly, sustained });
    process.stderr.write(
      `  round ${round}/${ROUNDS} ${name}: sequencer only ${Math.round(tree.sequencerOnly.perSecond)}/s ` +
        `(loop stall ${Math.round(tree.sequencerOnly.eventLoop.maxMs)} ms), sustained ${Math.round(sustained.steadySequencedPerSecond)}/s\n`,
    );
  }
}
const med = (name, f) => median(samples[name].map(f));
const base = chosen[0][0];
const fmt = (n) => Math.round(n).toLocaleString("en-US");
console.log(
  `${SEQ_ENTRIES.toLocaleString("en-US")} entries sequencer-only; 256 producers for ${SECONDS} s; median of ${ROUNDS} round(s)`,
);
console.log(
  table(
    [
      "variant",
      "patches",
      "seq-only/s",
      `vs ${base}`,
      "µs/entry in batch",
      "loop stall",
      "sustained/s",
      `vs ${base}`,
      "seq µs/entry",
    ],
    chosen.map(([name, patches]) => {
      const seq = med(name, (s) => s.sequencer.perSecond);
      const sus = med(name, (s) => s.sustained.steadySequencedPerSecond);
      return [
        name,
        patches.join("+") || "-",
        fmt(seq),
        `${(seq / med(base, (s) => s.sequencer.perSecond)).toFixed(2)}×`,
        med(name, (s) => s.sequencer.usPerEntryInBatch).toFixed(1),
        `${fmt(med(name, (s) => s.sequencer.eventLoop.maxMs))} ms`,
        fmt(sus),
        `${(sus / med(base, (s) => s.sustained.steadySequencedPerSecond)).toFixed(2)}×`,
        med(name, (s) => s.sustained.sequencer.usPerEntry ?? 0).toFixed(1),
      ];
    }),
  ),
);
