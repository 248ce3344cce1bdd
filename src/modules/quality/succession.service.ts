import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import type { QualityTables } from "./quality.tables.js";

/**
 * A succession (PR-4) moves a holder's obligations with its resources: feedback on
 * `registrationIds` not yet closed (open, responded, escalated) is now the successor's, deadlines
 * unchanged; closed items keep the predecessor as the holder who answered them.
 */
export async function reassignOpenFeedback(
  k: Kernel,
  trx: AnyDb,
  actor: Actor,
  from: string,
  to: string,
  registrationIds: readonly string[],
): Promise<string[]> {
  if (registrationIds.length === 0) return [];
  const moved = await typed<QualityTables>(trx)
    .updateTable("quality_feedback")
    .set({ holder_participant_id: to, updated_at: k.clock.now().toISOString() })
    .where("holder_participant_id", "=", from)
    .where("status", "in", ["open", "responded", "escalated"])
    .where("registration_id", "in", [...registrationIds])
    .returning("id")
    .execute();
  const ids = moved.map((r) => r.id);
  if (ids.length > 0)
    await k.outbox.emit(trx, {
      type: "quality.holder_moved",
      subjectIds: [...ids, from, to],
      actor,
      payload: { feedbackIds: ids, fromParticipantId: from, toParticipantId: to },
    });
  return ids;
}
