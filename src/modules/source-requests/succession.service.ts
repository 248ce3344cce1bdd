import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import type { SourceRequestTables } from "./source-requests.tables.js";

/**
 * A succession (PR-4) moves a holder's obligations with its resources: the copy requests still
 * awaiting an answer about `registrationIds` are now the successor's to answer, deadline unchanged.
 */
export async function reassignOpenRequests(
  k: Kernel,
  trx: AnyDb,
  actor: Actor,
  from: string,
  to: string,
  registrationIds: readonly string[],
): Promise<string[]> {
  if (registrationIds.length === 0) return [];
  const moved = await typed<SourceRequestTables>(trx)
    .updateTable("source_requests")
    .set({ holder_participant_id: to, updated_at: k.clock.now().toISOString() })
    .where("holder_participant_id", "=", from)
    .where("status", "=", "submitted")
    .where("registration_id", "in", [...registrationIds])
    .returning("id")
    .execute();
  const ids = moved.map((r) => r.id);
  if (ids.length > 0)
    await k.outbox.emit(trx, {
      type: "source_requests.holder_moved",
      subjectIds: [...ids, from, to],
      actor,
      payload: { requestIds: ids, fromParticipantId: from, toParticipantId: to },
    });
  return ids;
}
