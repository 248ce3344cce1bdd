// What would a change to the evidence log's storage buy? A one-off diagnostic for the evidence
// benchmark (run.mjs does not run it): writes the rows of the log path for N entries with plain
// better-sqlite3 (no Kysely, no JSON work in the timed part) under several storage layouts, each
// in a fresh migrated database in a child process, and prints entries/s and µs per entry.
//
//   npm run build:server && node bench/tools/evidence-storage-what-if.mjs [variant…]
//
// Per batch of 4,000 entries, as the real path commits them: the outbox rows in 4 producer
// transactions of 1,000 (what k.events.publish writes), then ONE sequencer transaction with the
// entry rows, the tree rows, 2 trail rows per entry and the state update. Rows are made before
// each transaction; only the transactions are timed.
//
// Environment: YAOSU_BENCH_EVIDENCE_WHATIF_ENTRIES (default 300,000), YAOSU_BENCH_ROUNDS (1).

import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import SQLite from "better-sqlite3";
import { median, ROOT_DIR, table } from "../lib/harness.mjs";

const VARIANTS = {
  current: "as today: entry (pk, unique event_id, leaf_hash index) + nodes incl. level 0 + 2 trail rows",
  noLeafNodes: "today minus the level-0 rows in evidence_nodes (the leaf hash is already in the entry)",
  noLeafNodesNoHashIndex: "… and without the evidence_entries.leaf_hash index",
  noLeafNodesNoHashIndexBigWal: "… and wal_autocheckpoint = 16384 pages (64 MiB) instead of 1000",
  tiles: "no leaf_hash index; tree as 256-hash tiles (tlog-tiles) upserted per batch instead of node rows",
  tilesBigWal: "tiles + wal_autocheckpoint = 16384",
  tilesNoTrail: "tiles + big WAL, without trail rows (what the 2 trail rows per entry cost)",
};

const ENTRIES = Number(process.env.YAOSU_BENCH_EVIDENCE_WHATIF_ENTRIES || 300_000);
const ROUNDS = Number(process.env.YAOSU_BENCH_ROUNDS || 1);
const BATCH = 4000;
const PRODUCER_BATCH = 1000;

if (process.argv[2] === "--child") {
  const result = await child(process.argv[3]);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const names = process.argv.slice(2).filter((a) => a !== "--");
  const chosen = names.length ? names : Object.keys(VARIANTS);
  for (const n of chosen) if (!VARIANTS[n]) throw new Error(`unknown variant ${n}: ${Object.keys(VARIANTS)}`);
  const samples = Object.fromEntries(chosen.map((n) => [n, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of chosen) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", name], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      });
      if (r.status !== 0) throw new Error(`${name} failed`);
      const sample = JSON.parse(r.stdout.trim().split("\n").at(-1));
      samples[name].push(sample);
      process.stderr.write(
        `  round ${round}/${ROUNDS} ${name}: ${Math.round(sample.perSecond).toLocaleString("en-US")} entries/s\n`,
      );
    }
  }
  const base = median(samples[chosen[0]].map((s) => s.perSecond));
  console.log(`${ENTRIES.toLocaleString("en-US")} entries per variant, median of ${ROUNDS} round(s)`);
  console.log(
    table(
      ["variant", "entries/s", "µs/entry", `vs ${chosen[0]}`, "sequencer tx µs/entry", "db+wal MiB", "what"],
      chosen.map((name) => {
        const s = samples[name];
        const perSecond = median(s.map((x) => x.perSecond));
        return [
          name,
          Math.round(perSecond).toLocaleString("en-US"),
          (1e6 / perSecond).toFixed(1),
          `${(perSecond / base).toFixed(2)}×`,
          median(s.map((x) => x.sequencerUsPerEntry)).toFixed(1),
          median(s.map((x) => x.mib)).toFixed(0),
          VARIANTS[name],
        ];
      }),
    ),
  );
}

async function child(variant) {
  const dist = new URL("dist/", pathToFileURL(`${ROOT_DIR}/`));
  const load = (p) => import(new URL(p, dist).href);
  const [{ loadConfig }, { openKernel }, { entryBytes }, { CompactRange, leafHash }] = await Promise.all([
    load("kernel/config.js"),
    load("server/runtime.js"),
    load("modules/evidence/index.js"),
    load("lib/merkle/index.js"),
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), "yaosu-whatif-"));
  try {
    const file = join(dataDir, "yaosu.sqlite");
    const k = await openKernel(
      loadConfig(
        {},
        {
          dataDir,
          databaseUrl: `sqlite:${file}`,
          logLevel: "warn",
          masterKey: randomBytes(32).toString("base64"),
        },
      ),
    );
    await k.close();
    const db = new SQLite(file);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("cache_size = -65536");
    const tiles = variant.startsWith("tiles");
    const bigWal = /BigWal$/.test(variant) || variant === "tilesNoTrail";
    const leafNodes = variant === "current";
    const hashIndex = variant === "current" || variant === "noLeafNodes";
    const trail = variant !== "tilesNoTrail";
    if (bigWal) db.pragma("wal_autocheckpoint = 16384");
    if (!hashIndex) db.exec("drop index evidence_entries_leaf_hash");
    // (made in every variant so the statement below prepares; empty unless `tiles`)
    db.exec(
      "create table evidence_tiles (level integer not null, idx integer not null, hashes blob not null, primary key (level, idx)) without rowid",
    );

    const insertOutbox = db.prepare(
      "insert into outbox_events (id, type, subject_ids, actor, payload, occurred_at) values (?, ?, ?, ?, ?, ?)",
    );
    const insertEntry = db.prepare(
      "insert into evidence_entries (idx, event_id, entry, leaf_hash, sequenced_at) values (?, ?, ?, ?, ?)",
    );
    const insertNode = db.prepare("insert into evidence_nodes (level, idx, hash) values (?, ?, ?)");
    const upsertTile = db.prepare(
      "insert or replace into evidence_tiles (level, idx, hashes) values (?, ?, ?)",
    );
    const insertSubject = db.prepare("insert into evidence_subjects (subject_id, idx) values (?, ?)");
    const readOutbox = db.prepare("select * from outbox_events where seq > ? order by seq limit ?");
    const advance = db.prepare("update evidence_state set size = ?, cursor_seq = ? where id = 1");
    const produce = db.transaction((rows) => {
      for (const o of rows) insertOutbox.run(o.id, o.type, o.subject_ids, o.actor, o.payload, o.occurred_at);
    });
    const sequence = db.transaction((cursor, entries, nodes, tileRows, subjects, size) => {
      readOutbox.all(cursor, entries.length);
      for (const r of entries) insertEntry.run(r.idx, r.event_id, r.entry, r.leaf_hash, r.sequenced_at);
      for (const n of nodes) insertNode.run(n.level, n.idx, n.hash);
      for (const t of tileRows) upsertTile.run(t.level, t.idx, t.hashes);
      for (const [s, idx] of subjects) insertSubject.run(s, idx);
      advance.run(size, cursor + entries.length);
    });

    // the same event shape as bench/workers/evidence.mjs
    const id = (p) => `${p}_${randomBytes(13).toString("hex").toUpperCase().slice(0, 26)}`;
    const participants = Array.from({ length: 64 }, () => id("ptc"));
    const keys = participants.map(() => id("key"));
    const datasets = Array.from({ length: 1024 }, () => id("dst"));
    const hashPrefix = randomBytes(24).toString("hex");
    const event = (n) => ({
      type: "trade.usage_recorded",
      subjectIds: [participants[n % 64], datasets[(n * 7) % 1024]],
      actor: { participantId: participants[n % 64], apiKeyId: keys[n % 64] },
      payload: {
        units: n % 1000,
        amountFen: 100 + (n % 99_900),
        usageHash: hashPrefix + n.toString(16).padStart(16, "0"),
      },
    });

    const range = CompactRange.empty();
    // tiles: level-t tile i holds up to 256 hashes of tree level 8t (tlog-tiles); kept in memory
    const tileLevels = [];
    let timed = 0;
    let sequencerTimed = 0;
    let seqNo = 0;
    for (let from = 0; from < ENTRIES; from += BATCH) {
      const at = new Date().toISOString();
      const count = Math.min(BATCH, ENTRIES - from);
      const outbox = [];
      const entries = [];
      const nodes = [];
      const subjects = [];
      const touched = new Map();
      for (let n = from; n < from + count; n++) {
        const e = event(n);
        const eventId = `evt_${n.toString(32).toUpperCase().padStart(26, "0")}`;
        outbox.push({
          id: eventId,
          type: e.type,
          subject_ids: JSON.stringify(e.subjectIds),
          actor: JSON.stringify(e.actor),
          payload: JSON.stringify(e.payload),
          occurred_at: at,
        });
        const entry = entryBytes({ ...e, id: eventId, occurredAt: at, seq: n + 1, txId: null });
        const hash = leafHash(entry);
        entries.push({ idx: n, event_id: eventId, entry, leaf_hash: Buffer.from(hash), sequenced_at: at });
        for (const node of range.append(hash)) {
          if (tiles) {
            if (node.level % 8 !== 0) continue;
            const t = node.level / 8;
            const tileIdx = Math.floor(node.index / 256);
            tileLevels[t] ??= new Map();
            const tile = tileLevels[t].get(tileIdx) ?? Buffer.alloc(0);
            tileLevels[t].set(tileIdx, Buffer.concat([tile, node.hash]));
            touched.set(`${t}/${tileIdx}`, [t, tileIdx]);
          } else if (node.level > 0 || leafNodes) {
            nodes.push({ level: node.level, idx: node.index, hash: Buffer.from(node.hash) });
          }
        }
        if (trail) for (const s of e.subjectIds) subjects.push([s, n]);
      }
      const tileRows = [...touched.values()].map(([t, i]) => ({
        level: t,
        idx: i,
        hashes: tileLevels[t].get(i),
      }));
      // full tiles are immutable: forget them once written
      for (const [t, i] of touched.values())
        if (tileLevels[t].get(i).length === 256 * 32) tileLevels[t].delete(i);
      const t0 = performance.now();
      for (let i = 0; i < outbox.length; i += PRODUCER_BATCH) produce(outbox.slice(i, i + PRODUCER_BATCH));
      const t1 = performance.now();
      sequence(seqNo, entries, nodes, tileRows, subjects, from + count);
      const t2 = performance.now();
      seqNo += count;
      timed += t2 - t0;
      sequencerTimed += t2 - t1;
    }
    db.pragma("wal_checkpoint(TRUNCATE)");
    const pages = db.pragma("page_count", { simple: true });
    db.close();
    return {
      variant,
      entries: ENTRIES,
      perSecond: ENTRIES / (timed / 1000),
      sequencerUsPerEntry: (sequencerTimed * 1000) / ENTRIES,
      mib: (pages * 4096) / 2 ** 20,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
