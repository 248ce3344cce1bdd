import { type Logger, pino } from "pino";
import { type Clock, systemClock } from "./clock.js";
import { type Config, ConfigError } from "./config.js";
import { type Keyring, keyringFromMaster, loadOrCreateMasterKey } from "./crypto/keyring.js";
import { type AnyDb, type Database, openDatabase } from "./db/database.js";
import { type ModuleMigration, migrateToLatest } from "./db/migrations.js";
import { createEventPublisher, type EventPublisher } from "./event-publisher.js";
import { createIdGenerator, type IdGenerator } from "./ids.js";
import { createOutbox, type Outbox } from "./outbox.js";
import { type Reaction, reactionIndex } from "./reactions.js";

/**
 * The kernel is what every module service receives: database, clock, ids, keys, outbox and log.
 * Passing it explicitly (instead of importing singletons) is what lets tests run two kernels —
 * one on SQLite, one on PostgreSQL — side by side with a manual clock.
 */
export interface Kernel {
  config: Config;
  database: Database;
  db: AnyDb;
  clock: Clock;
  newId: IdGenerator;
  keyring: Keyring;
  outbox: Outbox;
  /** group-committed events that have no transaction of their own to join */
  events: EventPublisher;
  log: Logger;
  /** Runs `work` in one transaction; module services take the `trx` it passes. */
  transaction<T>(work: (trx: AnyDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface KernelOptions {
  clock?: Clock;
  log?: Logger;
  migrations: ModuleMigration[];
  /** what runs in the emitting transaction after an event (see reactions.ts) */
  reactions?: readonly Reaction[];
}

/**
 * A database that cannot be opened or reached is a configuration mistake (wrong dir, wrong URL,
 * server down), not a bug: say which setting to look at, with any password masked.
 */
const UNREACHABLE = new Set([
  "ENOTDIR",
  "EACCES",
  "EROFS",
  "ENOENT",
  "EISDIR",
  "SQLITE_CANTOPEN",
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "28P01",
  "28000",
  "3D000",
]);

export function asConfigError(config: Config, error: unknown): unknown {
  const code = (error as { code?: string })?.code;
  if (!code || !UNREACHABLE.has(code)) return error;
  const where = config.databaseUrl.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
  return new ConfigError(
    `cannot open the database ${where} (check YAOSU_DATABASE_URL / YAOSU_DATA_DIR): ${(error as Error).message}`,
  );
}

function unreachableIsConfig<T>(config: Config, open: () => T): T {
  try {
    return open();
  } catch (error) {
    throw asConfigError(config, error);
  }
}

export async function createKernel(config: Config, options: KernelOptions): Promise<Kernel> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? pino({ level: config.logLevel });
  const database = unreachableIsConfig(config, () =>
    openDatabase(config.databaseUrl, (error) => log.warn({ err: error }, "database connection lost")),
  );
  try {
    await migrateToLatest(database.db, database.dialect, options.migrations);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw asConfigError(config, error);
  }
  const keyring = keyringFromMaster(
    unreachableIsConfig(config, () => loadOrCreateMasterKey(config.dataDir, config.masterKey)),
  );
  const newId = createIdGenerator(clock);
  const plainOutbox = createOutbox(clock, newId);
  const events = createEventPublisher(database.db, plainOutbox);
  const reactions = reactionIndex(options.reactions ?? []);
  const outbox: Outbox =
    reactions.size === 0
      ? plainOutbox
      : {
          ...plainOutbox,
          async emit(trx, event) {
            const stored = await plainOutbox.emit(trx, event);
            for (const reaction of reactions.get(event.type) ?? []) await reaction.run(kernel, trx, stored);
            return stored;
          },
        };
  const kernel: Kernel = {
    config,
    database,
    db: database.db,
    clock,
    newId,
    keyring,
    outbox,
    events,
    log,
    transaction: (work) => database.db.transaction().execute(work),
    async close() {
      await events.flush();
      await database.close();
    },
  };
  return kernel;
}
