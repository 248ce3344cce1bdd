// Child process for evidence.bench.mjs: runs ONE measurement (argv[2] is the task as JSON) on a
// fresh temp data dir or a fresh PostgreSQL database made by the parent, and prints its result
// as one JSON line on stdout. Progress goes to stderr.
//
// Tasks (`kind`):
//   baseline   plain batched better-sqlite3 inserts of the rows the log writes, no kernel code
//   sustained  N producers loop on `await k.events.publish(event)` while startEvidenceLog runs
//   latency    paced open-loop publishing; emit → first signed checkpoint that covers the event
//   tree       pre-filled outbox drained by the real sequencer (sequencer-only throughput), then
//              inclusion/consistency proofs at that size
//
// The kernel comes from dist/ (YAOSU_BENCH_DIST may name another build's dist/). The
// configuration ignores the caller's YAOSU_* environment, except YAOSU_CHECKPOINT_INTERVAL_MS
// when the task does not set an interval, so that a developer's settings cannot change what is
// measured by accident.

import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import SQLite from "better-sqlite3";
import pg from "pg";

const task = JSON.parse(process.argv[2] ?? "{}");
const log = (line) =>
  process.stderr.write(`    [${task.kind}${task.dialect ? ` ${task.dialect}` : ""}] ${line}\n`);
const now = () => performance.now();

const dist = process.env.YAOSU_BENCH_DIST
  ? pathToFileURL(`${resolve(process.env.YAOSU_BENCH_DIST)}/`)
  : new URL("../../dist/", import.meta.url);
const load = (path) => import(new URL(path, dist).href);

// ---------------------------------------------------------------------------------------------
// The events: what a metered API call would log — a usage receipt about a participant and a
// dataset, by an API key, with a keyed hash of the usage record (the log is public: ids and
// hashes only). 64 participants × 1024 datasets, so trails (evidence_subjects) have realistic
// fan-out. Canonical entry ≈ 330 bytes.

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const fakeId = (prefix) => {
  const bytes = randomBytes(26);
  let s = `${prefix}_`;
  for (const b of bytes) s += CROCKFORD[b & 31];
  return s;
};
const PARTICIPANTS = Array.from({ length: 64 }, () => fakeId("ptc"));
const API_KEYS = PARTICIPANTS.map(() => fakeId("key"));
const DATASETS = Array.from({ length: 1024 }, () => fakeId("dst"));
const HASH_PREFIX = randomBytes(24).toString("hex");

export function benchEvent(n) {
  const p = n % PARTICIPANTS.length;
  return {
    type: "trade.usage_recorded",
    subjectIds: [PARTICIPANTS[p], DATASETS[(n * 7) % DATASETS.length]],
    actor: { participantId: PARTICIPANTS[p], apiKeyId: API_KEYS[p] },
    payload: {
      units: n % 1000,
      amountFen: 100 + (n % 99_900),
      usageHash: HASH_PREFIX + n.toString(16).padStart(16, "0"),
    },
  };
}

/** The outbox row `outbox.emitMany` would write for event n. */
const outboxRow = (id, n, at) => {
  const e = benchEvent(n);
  return {
    id,
    type: e.type,
    subject_ids: JSON.stringify(e.subjectIds),
    actor: JSON.stringify(e.actor),
    payload: JSON.stringify(e.payload),
    occurred_at: at,
  };
};

// ---------------------------------------------------------------------------------------------
// Kernel on a fresh store, plus a second connection that observes the store without queueing
// behind the kernel's own connection (SQLite: a read-only WAL reader; PostgreSQL: a client).

async function openBench({ checkpointIntervalMs } = {}) {
  const [{ loadConfig }, { openKernel }, evidence] = await Promise.all([
    load("kernel/config.js"),
    load("server/runtime.js"),
    load("modules/evidence/index.js"),
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), "yaosu-bench-evidence-"));
  const interval = checkpointIntervalMs ?? process.env.YAOSU_CHECKPOINT_INTERVAL_MS;
  const config = loadConfig(
    {},
    {
      dataDir,
      databaseUrl: task.dialect === "postgres" ? task.pgUrl : `sqlite:${join(dataDir, "yaosu.sqlite")}`,
      logLevel: task.logLevel || "warn",
      masterKey: randomBytes(32).toString("base64"),
      ...(interval ? { checkpointIntervalMs: Number(interval) } : {}),
    },
  );
  const k = await openKernel(config);
  instrument(evidence.Sequencer);
  const observer = task.dialect === "postgres" ? await pgObserver(task.pgUrl) : sqliteObserver(dataDir);
  return {
    k,
    config,
    evidence,
    observer,
    dataDir,
    async close() {
      await observer.close();
      await k.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Every sequenceBatch call is timed (a wrapper on the prototype; the sequencer itself is not
// touched): how many batches, how many entries, and how long the sequencer held the database.
const batches = []; // { n, ms, end }
function instrument(Sequencer) {
  const original = Sequencer.prototype.sequenceBatch;
  if (original.instrumented) return;
  const wrapped = async function (...args) {
    const t = now();
    const n = await original.apply(this, args);
    const end = now();
    if (n > 0) batches.push({ n, ms: end - t, end });
    return n;
  };
  wrapped.instrumented = true;
  Sequencer.prototype.sequenceBatch = wrapped;
}

/** Batches that ended in [from, to): count, entries, mean size, time spent in them. */
function batchStats(from, to) {
  const inWindow = batches.filter((b) => b.end >= from && b.end < to);
  const entries = inWindow.reduce((a, b) => a + b.n, 0);
  const ms = inWindow.reduce((a, b) => a + b.ms, 0);
  return {
    batches: inWindow.length,
    entries,
    meanBatch: inWindow.length ? entries / inWindow.length : 0,
    busyShare: ms / (to - from),
    usPerEntry: entries ? (ms * 1000) / entries : null,
  };
}

/**
 * How long the event loop went without running timers (the process would also be serving HTTP):
 * the longest gap between ticks of a 10 ms interval, and the share of time lost in gaps > 50 ms.
 * (perf_hooks' monitorEventLoopDelay records nothing while promise chains starve the loop.)
 */
function loopDelay() {
  const started = now();
  let last = started;
  let max = 0;
  let stalled = 0;
  const gap = (t) => {
    const g = t - last - 10;
    if (g > max) max = g;
    if (g > 50) stalled += g;
    last = t;
  };
  const timer = setInterval(() => gap(now()), 10);
  return () => {
    clearInterval(timer);
    const t = now();
    gap(t);
    return { maxMs: Math.max(0, max), stalledShare: stalled / (t - started) };
  };
}

function sqliteObserver(dataDir) {
  const db = new SQLite(join(dataDir, "yaosu.sqlite"), { readonly: true });
  const size = db.prepare("select size from evidence_state where id = 1").pluck();
  const checkpoint = db.prepare("select max(size) from evidence_checkpoints").pluck();
  const outboxCount = db.prepare("select count(*) from outbox_events").pluck();
  const idx = db.prepare("select idx from evidence_entries where event_id = ?").pluck();
  const bytes = db.prepare("select avg(length(entry)) from evidence_entries").pluck();
  const counts = db.prepare(
    "select (select count(*) from evidence_entries) as entries, (select count(*) from evidence_nodes) as nodes, (select count(*) from evidence_subjects) as subjects",
  );
  return {
    size: async () => Number(size.get()),
    checkpointSize: async () => Number(checkpoint.get() ?? -1),
    outboxCount: async () => Number(outboxCount.get()),
    indexesOf: async (ids) => ids.map((id) => Number(idx.get(id) ?? -1)),
    entryBytes: async () => Number(bytes.get()),
    rowCounts: async () => counts.get(),
    close: async () => db.close(),
  };
}

async function pgObserver(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const one = async (text, values) => Object.values((await client.query(text, values)).rows[0] ?? {})[0];
  return {
    size: async () => Number(await one("select size from evidence_state where id = 1")),
    checkpointSize: async () => Number((await one("select max(size) from evidence_checkpoints")) ?? -1),
    outboxCount: async () => Number(await one("select count(*) from outbox_events")),
    async indexesOf(ids) {
      const { rows } = await client.query(
        "select event_id, idx from evidence_entries where event_id = any($1::text[])",
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.event_id, Number(r.idx)]));
      return ids.map((id) => byId.get(id) ?? -1);
    },
    entryBytes: async () => Number(await one("select avg(length(entry)) from evidence_entries")),
    rowCounts: async () =>
      (
        await client.query(
          "select (select count(*) from evidence_entries)::int as entries, (select count(*) from evidence_nodes)::int as nodes, (select count(*) from evidence_subjects)::int as subjects",
        )
      ).rows[0],
    close: () => client.end(),
  };
}

/** n, mean, min, p50, p90, p99, max of a list of numbers. */
function summary(values) {
  const sorted = Float64Array.from(values).sort();
  const at = (p) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return {
    n: sorted.length,
    mean: sorted.reduce((a, x) => a + x, 0) / sorted.length,
    min: sorted[0],
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: sorted[sorted.length - 1],
  };
}

/** Bytes this process has passed to write(2) so far (Linux /proc/self/io), or null. */
function writtenBytes() {
  try {
    return Number(/^wchar: (\d+)$/m.exec(readFileSync("/proc/self/io", "utf8"))[1]);
  } catch {
    return null;
  }
}
const kibPer = (before, after, count) =>
  before === null || after === null || count === 0 ? null : (after - before) / 1024 / count;

const cpuSeconds = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

// ---------------------------------------------------------------------------------------------
// sustained: `producers` loops of `await k.events.publish(event)` for `seconds`, the real runner
// sequencing meanwhile. Figures: publishes/s (receipts), entries sequenced/s over the steady
// window [warm-up end, producers stop], and end to end (all published events sequenced) per
// second from the first publish to the drained log.

async function sustained() {
  const { producers, seconds, warmupSeconds } = task;
  const b = await openBench();
  const { k, evidence, observer } = b;
  try {
    const runner = await evidence.startEvidenceLog(k);
    for (let i = 0; i < 200 && !runner.isLeader(); i++) await sleep(10);
    const base = await observer.size();
    let stop = false;
    let published = 0;
    let next = 0;
    const cpu0 = process.cpuUsage();
    const delay = loopDelay();
    const t0 = now();
    const loops = Array.from({ length: producers }, async () => {
      while (!stop) {
        await k.events.publish(benchEvent(next++));
        published++;
      }
    });
    await sleep(warmupSeconds * 1000);
    const tWarm = now();
    const sizeWarm = await observer.size();
    const writtenWarm = writtenBytes();
    const publishedWarm = published;
    await sleep((seconds - warmupSeconds) * 1000);
    stop = true;
    const t1 = now();
    const publishedStop = published;
    const sizeStop = await observer.size();
    const outboxStop = await observer.outboxCount();
    const writtenStop = writtenBytes();
    const cpuWindow = cpuSeconds(cpu0);
    const eventLoop = delay();
    await Promise.all(loops);
    const total = published;
    while ((await observer.size()) - base < total) await sleep(2);
    const t2 = now();
    await runner.stop();
    const rows = await observer.rowCounts();
    const entryBytes = await observer.entryBytes();
    const steady = (t1 - tWarm) / 1000;
    return {
      producers,
      seconds: (t1 - t0) / 1000,
      steadySeconds: steady,
      published: total,
      publishesPerSecond: publishedStop / ((t1 - t0) / 1000),
      steadyPublishesPerSecond: (publishedStop - publishedWarm) / steady,
      steadySequencedPerSecond: (sizeStop - sizeWarm) / steady,
      backlogAtStop: outboxStop - sizeStop,
      drainSeconds: (t2 - t1) / 1000,
      endToEndPerSecond: total / ((t2 - t0) / 1000),
      cpuShareWindow: cpuWindow / ((t1 - t0) / 1000),
      sequencer: batchStats(tWarm, t1),
      writtenKiBPerEntry: kibPer(writtenWarm, writtenStop, sizeStop - sizeWarm),
      eventLoop,
      entryBytes,
      rows,
    };
  } finally {
    await b.close();
  }
}

// ---------------------------------------------------------------------------------------------
// latency: events published at a steady `rate` (open loop: a slow commit does not slow the
// emitter), for `seconds`. A poller reads the newest checkpoint's size every `pollMs` on the
// observer connection; an event is "in a signed checkpoint" when a checkpoint of size > its
// index is visible. Latency = that moment − the moment publish() was called. Also: receipt
// latency (publish() resolved = durable in the outbox).

async function latency() {
  const { rate, seconds, checkpointIntervalMs, pollMs = 2 } = task;
  const b = await openBench({ checkpointIntervalMs });
  const { k, evidence, observer } = b;
  try {
    const runner = await evidence.startEvidenceLog(k);
    for (let i = 0; i < 200 && !runner.isLeader(); i++) await sleep(10);
    const base = await observer.size();
    const checkpoints = []; // { size, at }
    let lastSize = await observer.checkpointSize();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const size = await observer.checkpointSize();
        if (size !== lastSize) {
          checkpoints.push({ size, at: now() });
          lastSize = size;
        }
        await sleep(pollMs);
      }
    })();
    const emitted = []; // { at, id, receiptAt }
    const failures = [];
    const t0 = now();
    let n = 0;
    while (now() - t0 < seconds * 1000) {
      const due = Math.floor(((now() - t0) / 1000) * rate);
      for (; n < due; n++) {
        const record = { at: now(), id: null, receiptAt: 0 };
        emitted.push(record);
        k.events.publish(benchEvent(n)).then(
          (stored) => {
            record.id = stored.id;
            record.receiptAt = now();
          },
          (error) => failures.push(String(error)),
        );
      }
      await sleep(1);
    }
    await k.events.flush();
    if (failures.length) throw new Error(`${failures.length} publishes failed: ${failures[0]}`);
    const deadline = now() + 30_000;
    while ((await observer.size()) < base + emitted.length && now() < deadline) await sleep(2);
    const indexes = await observer.indexesOf(emitted.map((e) => e.id));
    const needed = Math.max(...indexes) + 1;
    while (lastSize < needed && now() < deadline) await sleep(5);
    polling = false;
    await poller;
    await runner.stop();
    if (lastSize < needed)
      throw new Error(`no checkpoint covered all events within 30 s (${lastSize} < ${needed})`);
    const toCheckpoint = [];
    const toReceipt = [];
    let c = 0;
    const order = emitted.map((e, i) => ({ ...e, idx: indexes[i] })).sort((a, b2) => a.idx - b2.idx);
    for (const e of order) {
      if (e.idx < 0) throw new Error(`event ${e.id} is not in the log`);
      while (c < checkpoints.length && checkpoints[c].size <= e.idx) c++;
      toCheckpoint.push(checkpoints[c].at - e.at);
      toReceipt.push(e.receiptAt - e.at);
    }
    const gaps = checkpoints.slice(1).map((cp, i) => cp.at - checkpoints[i].at);
    return {
      rate,
      seconds,
      events: emitted.length,
      achievedRate: emitted.length / seconds,
      checkpointIntervalMs: b.config.checkpointIntervalMs,
      checkpoints: checkpoints.length,
      meanCheckpointGapMs: gaps.length ? gaps.reduce((a, x) => a + x, 0) / gaps.length : null,
      toCheckpointMs: summary(toCheckpoint),
      toReceiptMs: summary(toReceipt),
    };
  } finally {
    await b.close();
  }
}

// ---------------------------------------------------------------------------------------------
// tree: the sequencer-only throughput, then a tree of `entries` for the proofs.
//   Phase 1 (measured): `seqEntries` outbox rows are written directly — exactly the rows
//   outbox.emitMany writes, ids from the kernel's generator (SQLite: prepared INSERTs, 10,000
//   per transaction, on a second connection; PostgreSQL: INSERT … SELECT unnest() of 5,000) —
//   then the real runner (startEvidenceLog with its default batch size, or `batchSize`) drains
//   them. That is the sequencer-only throughput.
//   Phase 2 (the shortcut to a big tree): the remaining `entries − seqEntries` rows are written
//   the same way and a fresh runner drains them with batches of `bigBatch` (fewer, larger
//   transactions: the same code and the same tables, just faster). It resumes from the stored
//   tree like a restarted exchange (CompactRange.load).
//   Then inclusion and consistency proofs at size `entries` through proveInclusion /
//   proveConsistency (what GET /api/v1/evidence/proofs/* runs), each call timed (wall and this
//   process's CPU time); a sample is verified with the Merkle library against the signed root.

async function fillOutbox(b, from, to) {
  const { k } = b;
  const at = k.clock.now().toISOString();
  const t = now();
  if (task.dialect === "postgres") {
    const client = new pg.Client({ connectionString: task.pgUrl });
    await client.connect();
    try {
      for (let lo = from; lo < to; lo += 5000) {
        const cols = [[], [], [], [], [], []];
        for (let n = lo; n < Math.min(to, lo + 5000); n++) {
          const r = outboxRow(k.newId("event"), n, at);
          cols[0].push(r.id);
          cols[1].push(r.type);
          cols[2].push(r.subject_ids);
          cols[3].push(r.actor);
          cols[4].push(r.payload);
          cols[5].push(r.occurred_at);
        }
        await client.query(
          "insert into outbox_events (id, type, subject_ids, actor, payload, occurred_at) " +
            "select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])",
          cols,
        );
      }
    } finally {
      await client.end();
    }
  } else {
    const db = new SQLite(join(b.dataDir, "yaosu.sqlite"));
    db.pragma("synchronous = NORMAL");
    const insert = db.prepare(
      "insert into outbox_events (id, type, subject_ids, actor, payload, occurred_at) values (?, ?, ?, ?, ?, ?)",
    );
    const fill = db.transaction((lo, hi) => {
      for (let n = lo; n < hi; n++) {
        const r = outboxRow(k.newId("event"), n, at);
        insert.run(r.id, r.type, r.subject_ids, r.actor, r.payload, r.occurred_at);
      }
    });
    for (let lo = from; lo < to; lo += 10_000) fill(lo, Math.min(to, lo + 10_000));
    db.close();
  }
  const seconds = (now() - t) / 1000;
  log(
    `outbox filled with events ${from.toLocaleString("en-US")}…${to.toLocaleString("en-US")} in ${seconds.toFixed(1)} s`,
  );
  return { seconds, perSecond: (to - from) / seconds };
}

/** Runs the real runner until the log has `target` entries; returns what it cost. */
async function drain(b, target, options) {
  const { k, evidence, observer } = b;
  const first = batches.length;
  const cpu0 = process.cpuUsage();
  const written0 = writtenBytes();
  const t0 = now();
  const delay = loopDelay();
  const runner = await evidence.startEvidenceLog(k, options);
  // (While full batches are waiting the runner never yields to timers, so this loop mostly
  // wakes up at the end; progress comes from the timed batches.)
  while ((await observer.size()) < target) await sleep(2);
  const seconds = (now() - t0) / 1000;
  const cpu = cpuSeconds(cpu0);
  const written1 = writtenBytes();
  const eventLoop = delay();
  await runner.stop(); // publishes a final checkpoint at `target`
  const mine = batches.slice(first);
  const entries = mine.reduce((a, x) => a + x.n, 0);
  // entries/s for each successive tenth of this drain
  const marks = [];
  let done = 0;
  let from = t0;
  let next = Math.ceil(entries / 10);
  for (const x of mine) {
    done += x.n;
    if (done >= next || done === entries) {
      marks.push({ size: done, perSecond: (done - (marks.at(-1)?.size ?? 0)) / ((x.end - from) / 1000) });
      from = x.end;
      next = done + Math.ceil(entries / 10);
    }
  }
  log(
    `${entries.toLocaleString("en-US")} entries sequenced in ${seconds.toFixed(1)} s (batch ${runner.sequencer.batchSize})`,
  );
  return {
    entries,
    batchSize: runner.sequencer.batchSize,
    seconds,
    perSecond: entries / seconds,
    cpuShare: cpu / seconds,
    usPerEntryInBatch: (mine.reduce((a, x) => a + x.ms, 0) * 1000) / entries,
    writtenKiBPerEntry: kibPer(written0, written1, entries),
    eventLoop,
    marks,
  };
}

async function tree() {
  const { entries, proofs, batchSize, bigBatch } = task;
  const seqEntries = Math.min(entries, task.seqEntries);
  const b = await openBench();
  const { k, evidence, observer } = b;
  const { verifyInclusion, verifyConsistency, leafHash } = await load("lib/merkle/index.js");
  try {
    const fill1 = await fillOutbox(b, 0, seqEntries);
    const sequencerOnly = await drain(b, seqEntries, batchSize ? { batchSize } : {});
    let fill2 = null;
    let shortcut = null;
    if (entries > seqEntries) {
      fill2 = await fillOutbox(b, seqEntries, entries);
      shortcut = await drain(b, entries, { batchSize: bigBatch });
    }

    if (!proofs) return { entries, seqEntries, fill: fill1, sequencerOnly, fill2, shortcut, proofs: 0 };

    // proofs at size = entries
    const size = entries;
    const rnd = (below) => Math.floor(Math.random() * below);
    const { rootHash } = await evidence.proveInclusion(k.db, 0, size);
    for (let i = 0; i < Math.min(200, proofs); i++) {
      await evidence.proveInclusion(k.db, rnd(size), size);
      await evidence.proveConsistency(k.db, 1 + rnd(size - 1), size);
    }
    const wall = { inclusion: [], consistency: [] };
    const cpu = { inclusion: [], consistency: [] };
    const fromHex = (h) => Uint8Array.from(Buffer.from(h, "hex"));
    const slow = []; // calls over 1 ms: [start, end]
    const gcs = []; // garbage collections during the proofs: [start, end]
    const gcObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcs.push([e.startTime, e.startTime + e.duration]);
    });
    gcObserver.observe({ entryTypes: ["gc"] });
    const timed = async (kind, call) => {
      const c = process.cpuUsage();
      const t = now();
      const result = await call();
      const end = now();
      wall[kind].push((end - t) * 1000);
      const used = process.cpuUsage(c);
      if (end - t > 1) slow.push([t, end, used.user, used.system]);
      cpu[kind].push(used.user + used.system);
      return result;
    };
    let verified = 0;
    for (let i = 0; i < proofs; i++) {
      const index = rnd(size);
      const p = await timed("inclusion", () => evidence.proveInclusion(k.db, index, size));
      const from = 1 + rnd(size - 1);
      const c = await timed("consistency", () => evidence.proveConsistency(k.db, from, size));
      if (i % 50 === 0) {
        const entry = await k.db
          .selectFrom("evidence_entries")
          .select("entry")
          .where("idx", "=", index)
          .executeTakeFirstOrThrow();
        const ok1 = verifyInclusion(
          leafHash(entry.entry),
          index,
          size,
          p.hashes.map(fromHex),
          fromHex(rootHash),
        );
        const ok2 = verifyConsistency(
          from,
          size,
          c.hashes.map(fromHex),
          fromHex(c.fromRoot),
          fromHex(rootHash),
        );
        if (!ok1.ok || !ok2.ok || c.toRoot !== rootHash || p.rootHash !== rootHash)
          throw new Error(`proof at ${index} / ${from} does not verify: ${JSON.stringify([ok1, ok2])}`);
        verified++;
      }
    }
    await sleep(10); // let the observer deliver the last GC entries
    gcObserver.disconnect();
    const overlapsGc = ([a, z]) => gcs.some(([g0, g1]) => g0 < z && g1 > a);
    const latest = await observer.checkpointSize();
    if (latest !== size) throw new Error(`the latest signed checkpoint is at ${latest}, not ${size}`);
    return {
      entries,
      seqEntries,
      fill: fill1,
      sequencerOnly,
      fill2,
      shortcut,
      proofs,
      inclusionUs: summary(wall.inclusion),
      consistencyUs: summary(wall.consistency),
      inclusionCpuUs: summary(cpu.inclusion),
      consistencyCpuUs: summary(cpu.consistency),
      slowCalls: {
        overOneMs: slow.length,
        duringGc: slow.filter(overlapsGc).length,
        gcs: gcs.length,
        wallMs: slow.reduce((a, x) => a + x[1] - x[0], 0),
        userMs: slow.reduce((a, x) => a + x[2], 0) / 1000,
        systemMs: slow.reduce((a, x) => a + x[3], 0) / 1000,
      },
      proofHashes: Math.ceil(Math.log2(size)),
      verified,
      entryBytes: await observer.entryBytes(),
      rows: await observer.rowCounts(),
    };
  } finally {
    await b.close();
  }
}

// ---------------------------------------------------------------------------------------------
// baseline: no kernel code at all. A schema-identical store is made by running the migrations
// once (then closed); better-sqlite3 with the kernel's pragmas (WAL, synchronous=NORMAL, 64 MiB
// cache) inserts with one prepared statement per table, one transaction per `batch` rows. Rows
// are made before each transaction (canonical entry bytes of the same events, SHA-256 leaf
// hashes, node hashes) and only the transactions are timed.
//   rows = "entry": one evidence_entries row per entry (same columns, indexes, byte sizes).
//   rows = "all":   everything the log path writes per entry: the outbox row, the entry row, the
//                   evidence_nodes rows the sequencer writes for it (the ≈ 1 interior node it
//                   completes; leaves live only in the entry row) and its 2 trail rows.

async function baseline() {
  const { rows: which, seconds, batch } = task;
  const [{ loadConfig }, { openKernel }, { entryBytes }, { leafHash, nodeHash }] = await Promise.all([
    load("kernel/config.js"),
    load("server/runtime.js"),
    load("modules/evidence/index.js"),
    load("lib/merkle/index.js"),
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), "yaosu-bench-baseline-"));
  try {
    const file = join(dataDir, "yaosu.sqlite");
    const config = loadConfig(
      {},
      {
        dataDir,
        databaseUrl: `sqlite:${file}`,
        logLevel: "warn",
        masterKey: randomBytes(32).toString("base64"),
      },
    );
    const k = await openKernel(config);
    await k.close();
    const db = new SQLite(file);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("cache_size = -65536");
    const insertOutbox = db.prepare(
      "insert into outbox_events (id, type, subject_ids, actor, payload, occurred_at) values (?, ?, ?, ?, ?, ?)",
    );
    const insertEntry = db.prepare(
      "insert into evidence_entries (idx, event_id, entry, leaf_hash, sequenced_at) values (?, ?, ?, ?, ?)",
    );
    const insertNode = db.prepare("insert into evidence_nodes (level, idx, hash) values (?, ?, ?)");
    const insertSubject = db.prepare("insert into evidence_subjects (subject_id, idx) values (?, ?)");
    const write = db.transaction((rows) => {
      for (const r of rows) {
        if (r.outbox) {
          const o = r.outbox;
          insertOutbox.run(o.id, o.type, o.subject_ids, o.actor, o.payload, o.occurred_at);
        }
        insertEntry.run(r.idx, r.event_id, r.entry, r.leaf_hash, r.sequenced_at);
        if (r.nodes) for (const nd of r.nodes) insertNode.run(nd.level, nd.idx, nd.hash);
        if (r.subjects) for (const s of r.subjects) insertSubject.run(s, r.idx);
      }
    });
    const newId = (() => {
      let ms = Date.now();
      let c = 0;
      return () => {
        // same shape as the kernel's ids (evt_ + 26 Crockford characters), unique, time-ordered
        c++;
        if (c % 1000 === 0) ms++;
        return `evt_${ms.toString(32).toUpperCase().padStart(10, "0")}${c.toString(32).toUpperCase().padStart(16, "0")}`;
      };
    })();
    let idx = 0;
    let rowsWritten = 0;
    let timed = 0;
    const tStart = now();
    let last = leafHash(Buffer.from("seed"));
    while (now() - tStart < seconds * 1000) {
      const at = new Date().toISOString();
      const rows = [];
      for (let i = 0; i < batch; i++, idx++) {
        const id = newId();
        const e = benchEvent(idx);
        const entry = entryBytes({ ...e, id, occurredAt: at, seq: idx + 1, txId: null });
        const hash = leafHash(entry);
        const row = { idx, event_id: id, entry, leaf_hash: Buffer.from(hash), sequenced_at: at };
        if (which === "all") {
          row.outbox = outboxRow(id, idx, at);
          row.subjects = e.subjectIds;
          // as the sequencer writes them: the perfect interior subtrees it completes, one per
          // trailing 1-bit of idx (the leaf itself is the entry's leaf_hash)
          row.nodes = [];
          for (let level = 1, j = idx; j & 1; level++, j = Math.floor(j / 2)) {
            last = nodeHash(last, hash);
            row.nodes.push({ level, idx: Math.floor(idx / 2 ** level), hash: Buffer.from(last) });
          }
        }
        rows.push(row);
      }
      const t = now();
      write(rows);
      timed += now() - t;
      rowsWritten += rows.length;
    }
    const counts = db
      .prepare(
        "select (select count(*) from evidence_entries) as entries, (select count(*) from evidence_nodes) as nodes, (select count(*) from evidence_subjects) as subjects, (select count(*) from outbox_events) as outbox",
      )
      .get();
    const bytes = db.prepare("select avg(length(entry)) from evidence_entries").pluck().get();
    db.close();
    return {
      rows: which,
      batch,
      entries: rowsWritten,
      insertSeconds: timed / 1000,
      entriesPerSecond: rowsWritten / (timed / 1000),
      entryBytes: bytes,
      counts,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const kinds = { baseline, sustained, latency, tree };
if (!kinds[task.kind]) {
  console.error(`unknown task kind ${task.kind}`);
  process.exit(2);
}
const result = await kinds[task.kind]();
// exit only once the line is out: a pipe may not take a long line in one write
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
