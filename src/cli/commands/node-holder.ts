import type { Config } from "../../kernel/config.js";
import { badRequest, notFound } from "../../kernel/errors.js";
import { identity, withKernel } from "../context.js";

/**
 * Whose data `yaosu node import` brings in (PR-3): every dataset records its owner participant,
 * and only that participant's users see it over HTTP.
 *
 *   --holder ptc_…        a participant of this exchange (checked in its database)
 *   --holder <username>   the participant of that user, e.g. `--holder enterprise-a` in the demo
 *   (no --holder)         YAOSU_NODE_OWNER: a holder's own node is configured once with its id
 *                         and then needs no exchange database at all
 *
 * Naming a holder that is not admitted is refused: its users could not log in to see the data.
 */
export async function resolveHolder(holder: string | undefined, config: Config): Promise<string> {
  if (holder === undefined) {
    if (config.nodeOwner) return config.nodeOwner;
    throw badRequest(
      "holder_required",
      "whose data is this? pass --holder <participant id | username>, or set YAOSU_NODE_OWNER on a holder's own node",
      "holder",
    );
  }
  return withKernel(async (k) => {
    const { findUserByUsername, getParticipant } = await identity();
    let participantId = holder;
    if (!/^ptc_/.test(holder)) {
      const user = await findUserByUsername(k.db, holder);
      if (!user) throw notFound("holder_not_found", `no participant id or username ${holder}`, "holder");
      participantId = user.participant_id;
    }
    const participant = await getParticipant(k.db, participantId).catch(() => {
      throw notFound("holder_not_found", `no participant ${holder} in this exchange`, "holder");
    });
    if (participant.status !== "admitted") {
      throw badRequest(
        "holder_not_admitted",
        `participant ${participant.id} is ${participant.status}; only admitted participants hold data`,
        "holder",
      );
    }
    return participant.id;
  });
}
