import { forbidden, notFound } from "../../kernel/errors.js";
import { allow } from "../../kernel/http/access.js";
import type { Actor } from "../../kernel/outbox.js";
import { OVERSEER_TYPES } from "./rights.model.js";
import type { Viewer } from "./rights.ports.js";
import type { RightsContractRow } from "./rights.tables.js";

/**
 * Who may see and act on rights contracts: the two parties and the overseers (operator, regulator)
 * see a contract; to anyone else it does not exist (404). Of those who see it, only the
 * counterparty accepts or declines and only the proposer withdraws (403 for the others).
 */
export interface Caller {
  actor: Actor;
  viewer: Viewer;
}

export const isOverseer = (v: Viewer) => !!v && OVERSEER_TYPES.includes(v.participantType);

export const isParty = (v: Viewer, c: RightsContractRow) =>
  !!v && (v.participantId === c.proposer_participant_id || v.participantId === c.counterparty_participant_id);

export const canSeeContract = (v: Viewer, c: RightsContractRow) => isParty(v, c) || isOverseer(v);

export function participantOf(actor: Actor): string {
  if (!actor.participantId) throw forbidden("forbidden", "only a participant may do this");
  return actor.participantId;
}

/** The contract if the caller may see it; 404 otherwise, so contracts of others do not leak. */
export function seen(caller: Caller, id: string, row: RightsContractRow | undefined): RightsContractRow {
  if (!row || !canSeeContract(caller.viewer, row))
    throw notFound("contract_not_found", `no rights contract ${id}`);
  return row;
}

/** A participant's own lists: the participant itself, the operator and the regulator. */
export const selfOrOverseers = allow.anyOf([{ selfParam: "id" }, { participantTypes: OVERSEER_TYPES }]);
