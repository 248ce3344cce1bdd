import type { AnyDb } from "./db/database.js";
import type { Kernel } from "./kernel.js";
import type { StoredEvent } from "./outbox.js";

/**
 * A reaction runs inside the transaction that emitted an event, right after the event row is
 * written: a projection (the catalog's search index), a consequence owned by another module (the
 * holding right of a newly registered resource), a certificate revoked with its registration.
 * This is how work spans modules without one module importing another: the module emits, a flow
 * (src/flows/) declares the reaction, the composition root hands the list to the kernel.
 *
 * A reaction that throws rolls the whole change back, so it must only fail when the change must
 * not happen. Only `k.outbox.emit` runs reactions; the group-commit publisher (`k.events`) batches
 * unrelated standalone events and does not.
 */
export interface Reaction {
  /** a name for logs and errors */
  name: string;
  /** the event types it runs for */
  on: readonly string[];
  run(k: Kernel, trx: AnyDb, event: StoredEvent): Promise<void>;
}

/** Index of reactions by event type, built once per kernel. */
export function reactionIndex(reactions: readonly Reaction[]): Map<string, Reaction[]> {
  const byType = new Map<string, Reaction[]>();
  for (const reaction of reactions)
    for (const type of reaction.on) byType.set(type, [...(byType.get(type) ?? []), reaction]);
  return byType;
}
