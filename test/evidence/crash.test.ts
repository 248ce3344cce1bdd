import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterpriseApplication } from "../identity/applications.js";
import {
  type AuditResult,
  auditLog,
  checkConsistency,
  fetchCheckpoint,
  type LogKeyInfo,
  logKeyOf,
  type SignedCheckpoint,
} from "../support/log-audit.js";
import {
  builtCliHasVerifyLog,
  type Exit,
  getJson,
  requireBuiltServer,
  runCli,
  type ServerProcess,
  startServerProcess,
  waitFor,
} from "../support/server-process.js";

/**
 * Crash safety (CT-7): the exchange is SIGKILLed — a separate process, no chance to flush or
 * publish a last checkpoint — in the middle of a burst of admission applications. A 201 answer
 * is the applicant's receipt: the participant and its `identity.admission_applied` event were
 * committed in one transaction. After a restart on the same data dir, every receipted event is
 * in the log exactly once, no event is in it twice, and the log verifies independently against
 * its signed checkpoints, including one published before the crash.
 */
requireBuiltServer();

const TOTAL = 400;
const CONCURRENCY = 32;
const KILL_AFTER_RECEIPTS = 150;
const CHECKPOINT_AFTER_RECEIPTS = 60;

const hasVerifyLog = builtCliHasVerifyLog();

interface Trail {
  items: { index: number; entry: { id: string; type: string; payload: Record<string, unknown> } }[];
}

describe("evidence log across a SIGKILL during a burst of appends (SQLite, separate process)", () => {
  let dataDir: string;
  const servers: ServerProcess[] = [];
  let server: ServerProcess;
  let key: LogKeyInfo;
  let beforeBurst: SignedCheckpoint;
  let beforeKill: SignedCheckpoint;
  const receipts: string[] = [];
  let audit: AuditResult;

  const start = async () => {
    const started = await startServerProcess({
      name: `run${servers.length + 1}`,
      env: { YAOSU_DATA_DIR: dataDir },
    });
    servers.push(started);
    return started;
  };
  const logs = () => servers.map((s) => s.output()).join("\n");

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "yaosu-crash-"));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill("SIGKILL")));
    await rm(dataDir, { recursive: true, force: true });
  });

  it("is SIGKILLed while applications are in flight, after some receipts were returned", async () => {
    server = await start();
    key = await logKeyOf(server.url);
    beforeBurst = await waitFor("the first non-empty checkpoint", async () => {
      const cp = await fetchCheckpoint(server.url, key);
      return cp && cp.size > 0 ? cp : undefined;
    });

    let next = 0;
    let inFlight = 0;
    let inFlightAtKill = -1;
    let failures = 0;
    const otherStatuses: number[] = [];
    let checkpointing = null as Promise<void> | null;
    let killing = null as Promise<Exit> | null;

    const checkpointMidBurst = async () => {
      // A checkpoint that covers some of the burst, published before the crash.
      beforeKill = await waitFor("a checkpoint covering part of the burst", async () => {
        const cp = await fetchCheckpoint(server.url, key);
        return cp && cp.size > beforeBurst.size ? cp : undefined;
      });
    };
    let killSent = false;
    const kill = async () => {
      await checkpointing;
      inFlightAtKill = inFlight;
      killSent = true;
      return server.kill("SIGKILL");
    };

    const worker = async () => {
      // Keep the burst going until the signal is actually sent.
      while (next < TOTAL && !killSent) {
        next += 1;
        const application = enterpriseApplication();
        inFlight += 1;
        try {
          const response = await fetch(`${server.url}/api/v1/participants`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(application),
            signal: AbortSignal.timeout(20_000),
          });
          // Only a complete 201 answer counts as a receipt.
          const body = (await response.json()) as { id?: string };
          if (response.status === 201 && typeof body.id === "string") receipts.push(body.id);
          else otherStatuses.push(response.status);
        } catch {
          failures += 1; // the connection died with the server
        } finally {
          inFlight -= 1;
        }
        if (receipts.length >= CHECKPOINT_AFTER_RECEIPTS) checkpointing ??= checkpointMidBurst();
        if (receipts.length >= KILL_AFTER_RECEIPTS) killing ??= kill();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(killing, `the burst ended before ${KILL_AFTER_RECEIPTS} receipts:\n${logs()}`).not.toBeNull();
    const exit = await killing;
    expect(exit?.signal).toBe("SIGKILL");
    expect(otherStatuses, "no application may be refused").toEqual([]);
    expect(receipts.length).toBeGreaterThanOrEqual(KILL_AFTER_RECEIPTS);
    expect(new Set(receipts).size).toBe(receipts.length);
    // The kill really interrupted work: requests were in flight and lost their answers.
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(failures).toBeGreaterThan(0);
    expect(beforeKill.size).toBeGreaterThan(beforeBurst.size);
    console.info(
      `crash: ${receipts.length} receipts, ${inFlightAtKill} in flight at SIGKILL, ${failures} lost, ` +
        `checkpoints ${beforeBurst.size} → ${beforeKill.size} before the kill`,
    );
  }, 40_000);

  it("restarts on the same data dir and seals everything committed before the crash", async () => {
    server = await start();
    expect((await logKeyOf(server.url)).verifierKey, "the log key survives the restart").toBe(
      key.verifierKey,
    );
    // Caught up: the latest checkpoint covers every entry, and stays so across two looks.
    let previous = -1;
    await waitFor(
      () => `the checkpoint to cover the whole log\n${logs()}`,
      async () => {
        const cp = await fetchCheckpoint(server.url, key);
        const beyond = await getJson<{ items: unknown[] }>(
          `${server.url}/api/v1/evidence/entries?start=${cp?.size ?? 0}&limit=1`,
        );
        const covered = cp !== undefined && beyond.items.length === 0 && cp.size >= beforeKill.size;
        const stable = covered && cp.size === previous;
        previous = covered ? cp.size : -1;
        return stable ? true : undefined;
      },
      20_000,
      250,
    );
    audit = await auditLog(server.url, key);
    expect(audit.checkpoint.size).toBe(audit.entries.length);
    expect(server.output()).not.toMatch(/evidence sequencing failed|evidence runner stopped/);
    expect(audit.entries.length).toBeGreaterThanOrEqual(beforeBurst.size + receipts.length);
  }, 40_000);

  it("has exactly one admission_applied entry for every receipt, and no event twice", async () => {
    const applied = new Map<string, number>();
    for (const entry of audit.entries) {
      if (entry.event.type !== "identity.admission_applied") continue;
      const id = String(entry.event.payload.participantId);
      applied.set(id, (applied.get(id) ?? 0) + 1);
    }
    const missing = receipts.filter((id) => applied.get(id) !== 1);
    expect(missing, "receipted applications not in the log exactly once").toEqual([]);

    // The same through each participant's public trail.
    const queue = [...receipts];
    const trailWorker = async () => {
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
        const trail = await getJson<Trail>(`${server.url}/api/v1/evidence/trail/${id}`);
        const entries = trail.items.filter((item) => item.entry.type === "identity.admission_applied");
        expect(
          entries.map((item) => item.entry.payload.participantId),
          `trail of ${id}`,
        ).toEqual([id]);
      }
    };
    await Promise.all(Array.from({ length: 16 }, trailWorker));

    const ids = audit.entries.map((entry) => entry.event.id);
    expect(new Set(ids).size).toBe(ids.length);
  }, 30_000);

  it("stays consistent with the checkpoints published before the crash", async () => {
    const final = audit.checkpoint;
    for (const earlier of [beforeBurst, beforeKill]) {
      await checkConsistency(server.url, earlier, final);
      expect(audit.rootAt(earlier.size)).toBe(Buffer.from(earlier.rootHash).toString("hex"));
    }
  });

  it.runIf(hasVerifyLog)(
    "passes `yaosu verify log`, pinned to the key from before the crash",
    () => {
      const run = runCli(["verify", "log", "--url", server.url, "--key", key.verifierKey]);
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/^valid: /);
    },
    40_000,
  );

  it("sequenced every committed event exactly once (checked in the database after shutdown)", async () => {
    const exit = await server.kill("SIGTERM");
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    const db = new SQLite(join(dataDir, "yaosu.sqlite"), { readonly: true });
    try {
      const outbox = db.prepare("select id from outbox_events order by seq").pluck().all() as string[];
      const logged = db
        .prepare("select event_id from evidence_entries order by idx")
        .pluck()
        .all() as string[];
      expect(logged.length).toBe(new Set(logged).size);
      expect([...logged].sort()).toEqual([...outbox].sort());
      const size = db.prepare("select max(size) from evidence_checkpoints").pluck().get();
      expect(size).toBe(outbox.length);
    } finally {
      db.close();
    }
  });
});
