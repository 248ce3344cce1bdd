import { setTimeout as delay } from "node:timers/promises";
import { sql } from "kysely";
import type { AnyDb } from "../../kernel/db/database.js";
import type { Kernel } from "../../kernel/kernel.js";
import { loadOrCreateLogKey } from "./log-key.js";
import { Sequencer, type SequencerOptions } from "./sequencer.js";

/**
 * Runs the sequencer for as long as this process is the log's single writer. On SQLite the
 * process that owns the file is the writer. On PostgreSQL any number of exchange processes may
 * run; they compete for a session-level advisory lock on a dedicated connection, exactly one
 * sequences, and when its process dies the server drops the lock and another takes over within
 * a second. The state row's guarded update is a second line of defence against two writers.
 */
export interface EvidenceRunner {
  readonly sequencer: Sequencer;
  isLeader(): boolean;
  stop(): Promise<void>;
}

/** Key of the advisory lock ("yaos", "evid"): one log per database. */
const LOCK = [0x79616f73, 0x65766964] as const;
const IDLE_MS = 20;
const FOLLOWER_RETRY_MS = 1000;

const isAlive = (db: AnyDb) =>
  sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );

export async function startEvidenceLog(k: Kernel, options: SequencerOptions = {}): Promise<EvidenceRunner> {
  const sequencer = new Sequencer(k, await loadOrCreateLogKey(k), options);
  const stopping = new AbortController();
  let leader = false;
  const pause = (ms: number) => delay(ms, undefined, { signal: stopping.signal }).catch(() => undefined);

  /** Sequences until stopped; on PostgreSQL it returns early (throws) if its connection died. */
  const lead = async (db: AnyDb) => {
    leader = true;
    k.log.info({ dialect: k.database.dialect }, "evidence sequencer is leading");
    try {
      await sequencer.maybeCheckpoint(db, true);
      while (!stopping.signal.aborted) {
        let appended = 0;
        try {
          appended = await sequencer.sequenceBatch(db);
          await sequencer.maybeCheckpoint(db);
        } catch (error) {
          if (k.database.dialect === "postgres" && !(await isAlive(db))) throw error;
          k.log.error({ err: error }, "evidence sequencing failed; retrying");
          await pause(500);
        }
        // Between full batches, yield a turn so requests and timers run while a backlog drains.
        if (appended < sequencer.batchSize) await pause(IDLE_MS);
        else await new Promise((resolve) => setImmediate(resolve));
      }
      await sequencer
        .maybeCheckpoint(db, true)
        .catch((error) => k.log.error({ err: error }, "final checkpoint failed"));
    } finally {
      leader = false;
    }
  };

  /** Competes for the lock on a dedicated connection; a lost connection means competing anew. */
  const competeOnPostgres = async () => {
    while (!stopping.signal.aborted) {
      try {
        await k.db.connection().execute(async (conn) => {
          while (!stopping.signal.aborted) {
            const { rows } = await sql<{
              ok: boolean;
            }>`select pg_try_advisory_lock(${LOCK[0]}, ${LOCK[1]}) as ok`.execute(conn);
            if (!rows[0]?.ok) {
              await pause(FOLLOWER_RETRY_MS);
              continue;
            }
            await lead(conn);
            await sql`select pg_advisory_unlock(${LOCK[0]}, ${LOCK[1]})`.execute(conn);
          }
        });
      } catch (error) {
        // The server released our lock with the connection; another process may lead already.
        k.log.warn({ err: error }, "evidence sequencer lost its database connection; competing again");
        await pause(FOLLOWER_RETRY_MS);
      }
    }
  };

  const run = k.database.dialect === "sqlite" ? lead(k.db) : competeOnPostgres();
  const done = run.catch((error) => k.log.error({ err: error }, "evidence runner stopped"));

  return {
    sequencer,
    isLeader: () => leader,
    async stop() {
      stopping.abort();
      await done;
    },
  };
}
