import { createRequire } from "node:module";
import type { StoredEvent } from "../../kernel/outbox.js";

// canonicalize is CommonJS (`module.exports = fn`) but its typings declare an ES default export,
// which NodeNext would resolve to `.default` (undefined at run time); require it as it is.
const canonicalize = createRequire(import.meta.url)("canonicalize") as (input: unknown) => string | undefined;

/**
 * The bytes of a log entry: the domain event as canonical JSON (RFC 8785, JCS) in UTF-8, so that
 * anyone holding the event's fields can recompute exactly the hashed bytes. The outbox's own
 * bookkeeping (seq, transaction id) is not part of the evidence.
 */
export function entryBytes(event: StoredEvent): Buffer {
  const text = canonicalize({
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    subjectIds: event.subjectIds,
    actor: event.actor,
    payload: event.payload,
  });
  if (text === undefined) throw new Error(`event ${event.id} cannot be canonicalised`);
  return Buffer.from(text, "utf8");
}
