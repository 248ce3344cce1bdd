import type { Generated, Selectable } from "kysely";
import type { Clock } from "./clock.js";
import type { AnyDb } from "./db/database.js";
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
  id: string;
  occurredAt: string;
}

export interface Outbox {
  emit(trx: AnyDb, event: DomainEvent): Promise<StoredEvent>;
  readAfter(db: AnyDb, afterSeq: number, limit: number): Promise<StoredEvent[]>;
}

export function createOutbox(clock: Clock, newId: IdGenerator): Outbox {
  return {
    async emit(trx, event) {
      const row = {
        id: newId("event"),
        type: event.type,
        subject_ids: JSON.stringify(event.subjectIds),
        actor: event.actor ? JSON.stringify(event.actor) : null,
        payload: JSON.stringify(event.payload),
        occurred_at: clock.now().toISOString(),
      };
      const { seq } = await typed<{ outbox_events: OutboxTable }>(trx)
        .insertInto("outbox_events")
        .values(row)
        .returning("seq")
        .executeTakeFirstOrThrow();
      return { ...event, seq: Number(seq), id: row.id, occurredAt: row.occurred_at };
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

function toStoredEvent(row: Selectable<OutboxTable>): StoredEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    type: row.type,
    subjectIds: JSON.parse(row.subject_ids) as string[],
    actor: row.actor ? (JSON.parse(row.actor) as Actor) : null,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    occurredAt: row.occurred_at,
  };
}
