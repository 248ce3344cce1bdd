import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { enterpriseApplication } from "../identity/applications.js";
import {
  auditLog,
  checkConsistency,
  fetchCheckpoint,
  type LogKeyInfo,
  logKeyOf,
  type SignedCheckpoint,
} from "../support/log-audit.js";
import { createTestDatabase } from "../support/pg.js";
import {
  builtCliHasVerifyLog,
  getJson,
  requireBuiltServer,
  runCli,
  type ServerProcess,
  startServerProcess,
  waitFor,
} from "../support/server-process.js";

/**
 * Scale-out on PostgreSQL: two exchange processes share one database. Exactly one of them holds
 * the evidence log's advisory lock and sequences; when it is SIGKILLed, the other takes over
 * within seconds, seals what the dead one left behind and what arrives next, exactly once, and
 * the log stays consistent with the checkpoints the first leader signed.
 *
 * Leadership is observed from outside, in pg_locks: the lock is first taken while only process
 * A is connected, so its holder (a backend pid) is A's connection; after A is killed a different
 * backend holds it, and B is the only exchange process left.
 */
requireBuiltServer();

/** runner.ts: pg_try_advisory_lock(0x79616f73 "yaos", 0x65766964 "evid") */
const LOCK_CLASSID = 0x79616f73;
const LOCK_OBJID = 0x65766964;
const TAKEOVER_BUDGET_MS = 10_000;
const hasVerifyLog = builtCliHasVerifyLog();

type Receipt = { id: string; via: string };

describe("evidence sequencer leadership across two exchange processes (PostgreSQL)", () => {
  let database: { url: string; drop(): Promise<void> };
  let admin: pg.Client;
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  let a: ServerProcess;
  let b: ServerProcess;
  let key: LogKeyInfo;
  let firstHolder: number;
  let beforeKill: SignedCheckpoint;
  const receipts: Receipt[] = [];
  const masterKey = randomBytes(32).toString("base64");

  // Holders of the advisory lock in this test's database (granted only).
  const lockHolders = async (): Promise<number[]> => {
    const { rows } = await admin.query<{ pid: number }>(
      `select l.pid from pg_locks l
        where l.locktype = 'advisory' and l.granted
          and l.classid = $1 and l.objid = $2 and l.objsubid = 2
          and l.database = (select oid from pg_database where datname = current_database())`,
      [LOCK_CLASSID, LOCK_OBJID],
    );
    return rows.map((row) => row.pid);
  };
  const outboxIds = async () =>
    (await admin.query<{ id: string }>("select id from outbox_events order by seq")).rows.map((r) => r.id);

  const start = async (name: string) => {
    const dataDir = await mkdtemp(join(tmpdir(), `yaosu-scale-${name}-`));
    dirs.push(dataDir);
    const server = await startServerProcess({
      name,
      env: { YAOSU_DATA_DIR: dataDir, YAOSU_DATABASE_URL: database.url, YAOSU_MASTER_KEY: masterKey },
    });
    servers.push(server);
    return server;
  };
  const logs = () => servers.map((s) => s.output()).join("\n");

  const apply = async (server: ServerProcess): Promise<Receipt> => {
    const response = await fetch(`${server.url}/api/v1/participants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(enterpriseApplication()),
      signal: AbortSignal.timeout(20_000),
    });
    const body = (await response.json()) as { id?: string };
    if (response.status !== 201 || typeof body.id !== "string")
      throw new Error(`application via ${server.name}: ${response.status} ${JSON.stringify(body)}`);
    const receipt = { id: body.id, via: server.name };
    receipts.push(receipt);
    return receipt;
  };
  const applyMany = async (server: ServerProcess, n: number, concurrency = 4) => {
    let left = n;
    const worker = async () => {
      while (left > 0) {
        left -= 1;
        await apply(server);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };

  /** Everything committed is sealed: the latest checkpoint covers exactly the outbox. */
  const sealedEverything = async (server: ServerProcess): Promise<SignedCheckpoint | undefined> => {
    const ids = await outboxIds();
    const cp = await fetchCheckpoint(server.url, key);
    return cp && cp.size === ids.length ? cp : undefined;
  };

  /** Samples the lock holders in the background: never more than one. */
  const samples: number[][] = [];
  let sampling = true;
  let sampler: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    database = await createTestDatabase(inject("pgAdminUrl"));
    admin = new pg.Client({ connectionString: database.url });
    admin.on("error", () => {});
    await admin.connect();
  });
  afterAll(async () => {
    sampling = false;
    await sampler.catch(() => undefined);
    await Promise.all(servers.map((s) => s.kill("SIGKILL")));
    await admin?.end().catch(() => undefined);
    await database?.drop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("lets the first process take the lock and keeps the second one standing by", async () => {
    a = await start("A");
    key = await logKeyOf(a.url);
    // Only A is connected: whichever backend holds the lock is A's.
    const holders = await waitFor(
      () => `A to take the advisory lock\n${logs()}`,
      async () => {
        const pids = await lockHolders();
        return pids.length > 0 ? pids : undefined;
      },
    );
    expect(holders).toHaveLength(1);
    firstHolder = holders[0] as number;

    b = await start("B");
    expect((await logKeyOf(b.url)).verifierKey, "both processes sign with the same log key").toBe(
      key.verifierKey,
    );
    sampler = (async () => {
      while (sampling) {
        samples.push(await lockHolders());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    // B is up, connected, and (retrying every second) still not holding the lock.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await lockHolders()).toEqual([firstHolder]);
  }, 60_000);

  it("sequences events created through either process, once each", async () => {
    const seeded = await waitFor("the first checkpoint", () => fetchCheckpoint(b.url, key));
    await Promise.all([applyMany(b, 12), applyMany(a, 12)]);
    beforeKill = await waitFor(
      () => `the checkpoint to cover every committed event\n${logs()}`,
      () => sealedEverything(b),
    );
    for (const { id } of receipts) {
      for (const server of [a, b]) {
        const trail = await getJson<{ items: { entry: { type: string } }[] }>(
          `${server.url}/api/v1/evidence/trail/${id}`,
        );
        expect(trail.items.filter((item) => item.entry.type === "identity.admission_applied")).toHaveLength(
          1,
        );
      }
    }
    expect(beforeKill.size).toBeGreaterThanOrEqual(seeded.size + 24);
    expect(await lockHolders(), "A still leads").toEqual([firstHolder]);
  }, 30_000);

  it("hands the log over to B when A is SIGKILLed mid-traffic, within seconds", async () => {
    // Traffic through both processes while A is killed.
    let stop = false;
    const traffic = async (server: ServerProcess) => {
      while (!stop) {
        try {
          await apply(server);
        } catch (error) {
          if (server === a) return; // A died under the request: its answer is lost, as intended
          throw error;
        }
      }
    };
    const running = [traffic(a), traffic(a), traffic(b), traffic(b)];
    const before = receipts.length;
    await waitFor("traffic", async () => (receipts.length >= before + 6 ? true : undefined));
    const killedAt = Date.now();
    const exit = await a.kill("SIGKILL");
    expect(exit.signal).toBe("SIGKILL");

    const newHolder = await waitFor(
      () => `B to take the lock over\n${logs()}`,
      async () => {
        const pids = await lockHolders();
        return pids.length === 1 && pids[0] !== firstHolder ? pids[0] : undefined;
      },
      TAKEOVER_BUDGET_MS,
    );
    const tookOverMs = Date.now() - killedAt;
    stop = true;
    await Promise.all(running);

    // Events created through the survivor after the takeover are sealed within seconds.
    const fresh = await Promise.all(Array.from({ length: 8 }, () => apply(b)));
    const after = await waitFor(
      () => `B to seal the events created after the kill\n${logs()}`,
      () => sealedEverything(b),
      TAKEOVER_BUDGET_MS,
    );
    const sealedMs = Date.now() - killedAt;
    expect(sealedMs).toBeLessThan(TAKEOVER_BUDGET_MS + 5_000);
    expect(after.size).toBeGreaterThan(beforeKill.size);
    for (const { id } of fresh) {
      const trail = await getJson<{ items: { entry: { type: string } }[] }>(
        `${b.url}/api/v1/evidence/trail/${id}`,
      );
      expect(trail.items.map((item) => item.entry.type)).toContain("identity.admission_applied");
    }
    // A's backend is gone; B's holds the lock.
    const alive = await admin.query("select 1 from pg_stat_activity where pid = $1", [firstHolder]);
    expect(alive.rowCount).toBe(0);
    expect(await lockHolders()).toEqual([newHolder]);
    console.info(
      `scale-out: B held the lock ${tookOverMs} ms after SIGKILL of A, all sealed after ${sealedMs} ms`,
    );
  }, 40_000);

  it("never had two leaders, never sequenced an event twice, and stayed consistent", async () => {
    sampling = false;
    await sampler;
    expect(samples.length).toBeGreaterThan(10);
    expect(samples.filter((pids) => pids.length > 1)).toEqual([]);
    // A second writer would trip the state row's guard ("evidence state moved under the sequencer").
    expect(logs()).not.toMatch(/evidence sequencing failed|evidence runner stopped/);

    const audit = await auditLog(b.url, key);
    expect(audit.checkpoint.size).toBe(audit.entries.length);
    await checkConsistency(b.url, beforeKill, audit.checkpoint);
    expect(audit.rootAt(beforeKill.size)).toBe(Buffer.from(beforeKill.rootHash).toString("hex"));

    // Exactly the committed events, once each.
    const logged = audit.entries.map((entry) => entry.event.id);
    expect(new Set(logged).size).toBe(logged.length);
    expect([...logged].sort()).toEqual((await outboxIds()).sort());

    // Every receipt, from either process, before or after the kill: one admission_applied entry.
    const applied = new Map<string, number>();
    for (const entry of audit.entries) {
      if (entry.event.type !== "identity.admission_applied") continue;
      const id = String(entry.event.payload.participantId);
      applied.set(id, (applied.get(id) ?? 0) + 1);
    }
    expect(receipts.filter((r) => applied.get(r.id) !== 1)).toEqual([]);
    expect(new Set(receipts.map((r) => r.via))).toEqual(new Set(["A", "B"]));
  }, 30_000);

  it.runIf(hasVerifyLog)(
    "passes `yaosu verify log` through the survivor",
    () => {
      const run = runCli(["verify", "log", "--url", b.url, "--key", key.verifierKey]);
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/^valid: /);
    },
    40_000,
  );
});
