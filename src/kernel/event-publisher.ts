import type { AnyDb } from "./db/database.js";
import type { DomainEvent, Outbox, StoredEvent } from "./outbox.js";

/**
 * Publishes events that stand alone — no state change of their own to share a transaction with
 * (failed logins, usage receipts, filings) — with group commit: events published while a write
 * is in flight are written together in the next transaction, so throughput grows with the
 * number of concurrent producers instead of being one commit per event. Each caller's promise
 * resolves once its event is durably in the outbox (its receipt).
 */
export interface EventPublisher {
  publish(event: DomainEvent): Promise<StoredEvent>;
  /** Resolves when everything published so far is written. */
  flush(): Promise<void>;
}

interface Waiting {
  event: DomainEvent;
  resolve(stored: StoredEvent): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 1000;

export function createEventPublisher(db: AnyDb, outbox: Outbox): EventPublisher {
  let queue: Waiting[] = [];
  let writing: Promise<void> | null = null;

  const writeAll = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        const stored = await db.transaction().execute((trx) =>
          outbox.emitMany(
            trx,
            batch.map((w) => w.event),
          ),
        );
        for (const [i, w] of batch.entries()) w.resolve(stored[i] as StoredEvent);
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    writing = null;
  };

  return {
    publish(event) {
      return new Promise<StoredEvent>((resolve, reject) => {
        // An event that cannot be serialised fails alone, not the batch it would have joined.
        try {
          JSON.stringify(event);
        } catch (error) {
          reject(error);
          return;
        }
        queue.push({ event, resolve, reject });
        // Start a writer on the next turn so that producers active in this turn join its batch.
        writing ??= new Promise<void>((start) => setImmediate(start)).then(writeAll);
      });
    },
    async flush() {
      while (writing) await writing;
    },
  };
}
