import type { Generated, Selectable } from "kysely";
import { sql } from "kysely";
import type { Clock } from "./clock.js";
import type { AnyDb, Dialect } from "./db/database.js";
import { typed } from "./db/database.js";
import type { IdGenerator } from "./ids.js";

/**
 * The event outbox: every state change writes one row here in the SAME transaction as the
 * change itself, so an event exists if and only if the change committed. The evidence log,
 * monitoring and statistics read this table in `seq` order; nothing else reaches across modules.
 * (CT-7 traceability, SG-4 monitoring, DESIGN "Invariants".)
 *
 * Payloads must not carry personal identifiers in clear text: ids and keyed hashes only.
 */
export interface OutboxTable {
  seq: Generated<number>;
  id: string;
  type: string;
  subject_ids: string;
  actor: string | null;
  payload: string;
  occurred_at: string;
  /** PostgreSQL transaction id (see kernel.migrations.ts); null on SQLite */
  tx_id: Generated<number | null>;
}

export interface Actor {
  participantId?: string;
  userId?: string;
  apiKeyId?: string;
  system?: string;
}

export interface DomainEvent {
  /** dotted name, `<module>.<what happened>`, e.g. `identity.participant_admitted` */
  type: string;
  /** ids of every record the event is about, for trails ("all entries about X") */
  subjectIds: string[];
  actor: Actor | null;
  payload: Record<string, unknown>;
}

export interface StoredEvent extends DomainEvent {
  seq: number;
  txId: number | null;
  id: string;
  occurredAt: string;
}

/** Where a consumer has read up to: the last (txId, seq) it consumed. */
export interface OutboxCursor {
  txId: number;
  seq: number;
}

export interface Outbox {
  emit(trx: AnyDb, event: DomainEvent): Promise<StoredEvent>;
  /** Several events in one statement, in order (used by the group-commit publisher). */
  emitMany(trx: AnyDb, events: DomainEvent[]): Promise<StoredEvent[]>;
  /** Events by `seq`, for inspection and tests (may miss in-flight PostgreSQL transactions). */
  readAfter(db: AnyDb, afterSeq: number, limit: number): Promise<StoredEvent[]>;
  /**
   * Events after `cursor` whose transactions have certainly finished, in an order no later
   * commit can precede: the exactly-once feed for consumers such as the evidence sequencer.
   */
  readCommitted(db: AnyDb, dialect: Dialect, cursor: OutboxCursor, limit: number): Promise<StoredEvent[]>;
}

export function createOutbox(clock: Clock, newId: IdGenerator): Outbox {
  const emitMany = async (trx: AnyDb, events: DomainEvent[]): Promise<StoredEvent[]> => {
    if (events.length === 0) return [];
    const at = clock.now().toISOString();
    const rows = events.map((event) => ({
      id: newId("event"),
      type: event.type,
      subject_ids: JSON.stringify(event.subjectIds),
      actor: event.actor ? JSON.stringify(event.actor) : null,
      payload: JSON.stringify(event.payload),
      occurred_at: at,
    }));
    const inserted = await typed<{ outbox_events: OutboxTable }>(trx)
      .insertInto("outbox_events")
      .values(rows)
      .returning(["id", "seq", "tx_id"])
      .execute();
    const byId = new Map(inserted.map((r) => [r.id, r]));
    return events.map((event, i) => {
      const row = rows[i] as (typeof rows)[number];
      const stored = byId.get(row.id);
      const txId = stored?.tx_id === null || stored?.tx_id === undefined ? null : Number(stored.tx_id);
      return { ...event, seq: Number(stored?.seq), txId, id: row.id, occurredAt: at };
    });
  };
  return {
    async emit(trx, event) {
      const [stored] = await emitMany(trx, [event]);
      return stored as StoredEvent;
    },
    emitMany,
    async readCommitted(db, dialect, cursor, limit) {
      const table = typed<{ outbox_events: OutboxTable }>(db).selectFrom("outbox_events").selectAll();
      const rows =
        dialect === "postgres"
          ? await table
              .where(sql<boolean>`(tx_id, seq) > (${cursor.txId}, ${cursor.seq})`)
              .where(sql<boolean>`tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`)
              .orderBy("tx_id")
              .orderBy("seq")
              .limit(limit)
              .execute()
          : await table.where("seq", ">", cursor.seq).orderBy("seq").limit(limit).execute();
      return rows.map(toStoredEvent);
    },
    async readAfter(db, afterSeq, limit) {
      const rows = await typed<{ outbox_events: OutboxTable }>(db)
        .selectFrom("outbox_events")
        .selectAll()
        .where("seq", ">", afterSeq)
        .orderBy("seq")
        .limit(limit)
        .execute();
      return rows.map(toStoredEvent);
    },
  };
}

export function toStoredEvent(row: Selectable<OutboxTable>): StoredEvent {
  return {
    seq: Number(row.seq),
    txId: row.tx_id === null ? null : Number(row.tx_id),
    id: row.id,
    type: row.type,
    subjectIds: JSON.parse(row.subject_ids) as string[],
    actor: row.actor ? (JSON.parse(row.actor) as Actor) : null,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    occurredAt: row.occurred_at,
  };
}
