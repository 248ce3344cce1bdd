import type { AnyDb } from "../../kernel/db/database.js";
import { conflict, forbidden } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { sameKey } from "./contract-document.js";
import { contractsOf, decideContract, findContract, proposedOnRight } from "./contracts.repo.js";
import { type Caller, participantOf, seen } from "./rights.access.js";
import { EVENTS } from "./rights.model.js";
import type { RightsPorts } from "./rights.ports.js";
import { findRight, insertRight, lockActiveRight } from "./rights.repo.js";
import { emitCreated, moveRight } from "./rights.service.js";
import type { RightRow, RightsContractRow } from "./rights.tables.js";

/**
 * Deciding a proposed rights contract (PR-4): the counterparty accepts (its signature completes
 * the contract and, in the same transaction, the right is granted or moves) or declines; the
 * proposer withdraws. Every decision is a guarded transition from `proposed` with its event.
 */

function proposed(row: RightsContractRow): void {
  if (row.status !== "proposed")
    throw conflict("contract_not_proposed", `the contract is already ${row.status}`);
}

async function close(
  k: Kernel,
  trx: AnyDb,
  actor: Actor | null,
  row: RightsContractRow,
  status: "declined" | "withdrawn",
  reason: string | null,
): Promise<RightsContractRow> {
  const at = k.clock.now().toISOString();
  const changes = { status, reason, updated_at: at, decided_at: at };
  if (!(await decideContract(trx, row.id, changes)))
    throw conflict("contract_not_proposed", "the contract was decided meanwhile");
  await k.outbox.emit(trx, {
    type: status === "declined" ? EVENTS.contractDeclined : EVENTS.contractWithdrawn,
    subjectIds: [row.id, row.source_right_id, row.proposer_participant_id, row.counterparty_participant_id],
    actor,
    payload: { contractId: row.id, reason },
  });
  return { ...row, ...changes };
}

/** The granted right: derived from the source, which stays active (locked against a racing transfer). */
async function grant(k: Kernel, trx: AnyDb, actor: Actor, row: RightsContractRow): Promise<RightRow> {
  if (!(await lockActiveRight(trx, row.source_right_id)))
    throw conflict("right_not_active", "the source right is no longer active");
  const at = k.clock.now().toISOString();
  const right: RightRow = {
    id: k.newId("right"),
    kind: row.right_kind,
    holder_participant_id: row.counterparty_participant_id,
    resource_registration_id: row.resource_registration_id,
    basis: "grant",
    scope: row.scope,
    term_start: row.term_start,
    term_end: row.term_end,
    parent_right_id: row.source_right_id,
    status: "active",
    created_at: at,
  };
  await insertRight(trx, right);
  await emitCreated(k, trx, actor, right);
  return right;
}

export async function acceptContract(k: Kernel, ports: RightsPorts, caller: Caller, id: string) {
  const party = participantOf(caller.actor);
  return k.transaction(async (trx) => {
    const row = seen(caller, id, await findContract(trx, id));
    if (row.counterparty_participant_id !== party)
      throw forbidden("not_counterparty", "only the counterparty may accept or decline");
    proposed(row);
    const source = await findRight(trx, row.source_right_id);
    if (source?.status !== "active" || source.holder_participant_id !== row.proposer_participant_id)
      throw conflict("right_not_active", "the source right is no longer the proposer's active right");
    const proposerKey = await ports.parties.admittedKey(trx, row.proposer_participant_id);
    if (!proposerKey || !sameKey(proposerKey, JSON.parse(row.proposer_public_jwk)))
      throw conflict("proposer_not_admitted", "the proposer is no longer an admitted participant");
    const document = JSON.parse(row.document) as { counterparty: { publicKeyJwk: unknown } };
    const ownKey = await ports.parties.admittedKey(trx, party);
    if (!sameKey(ownKey, document.counterparty.publicKeyJwk))
      throw conflict("key_changed", "the counterparty's key differs from the one in the contract");
    const signature = await ports.parties.sign(trx, party, Buffer.from(row.document, "utf8"));
    const resulting =
      row.kind === "grant"
        ? await grant(k, trx, caller.actor, row)
        : await moveRight(k, trx, caller.actor, source, party, "contract", { contractId: row.id });
    const at = k.clock.now().toISOString();
    const changes = {
      status: "signed" as const,
      counterparty_public_jwk: JSON.stringify(ownKey),
      counterparty_signature: Buffer.from(signature).toString("base64url"),
      resulting_right_id: resulting.id,
      updated_at: at,
      decided_at: at,
    };
    if (!(await decideContract(trx, id, changes)))
      throw conflict("contract_not_proposed", "the contract was decided meanwhile");
    await k.outbox.emit(trx, {
      type: EVENTS.contractSigned,
      subjectIds: [id, row.source_right_id, resulting.id, row.proposer_participant_id, party],
      actor: caller.actor,
      payload: {
        contractId: id,
        kind: row.kind,
        sourceRightId: row.source_right_id,
        resultingRightId: resulting.id,
        documentSha256: row.document_sha256,
      },
    });
    if (row.kind === "transfer")
      for (const other of await proposedOnRight(trx, row.source_right_id)) {
        const stale = await findContract(trx, other.id);
        if (stale) await close(k, trx, caller.actor, stale, "withdrawn", "the source right was transferred");
      }
    return { ...row, ...changes };
  });
}

export async function declineContract(k: Kernel, caller: Caller, id: string, reason: string | null) {
  const party = participantOf(caller.actor);
  return k.transaction(async (trx) => {
    const row = seen(caller, id, await findContract(trx, id));
    if (row.counterparty_participant_id !== party)
      throw forbidden("not_counterparty", "only the counterparty may accept or decline");
    proposed(row);
    return close(k, trx, caller.actor, row, "declined", reason);
  });
}

export async function withdrawContract(k: Kernel, caller: Caller, id: string, reason: string | null) {
  const party = participantOf(caller.actor);
  return k.transaction(async (trx) => {
    const row = seen(caller, id, await findContract(trx, id));
    if (row.proposer_participant_id !== party)
      throw forbidden("not_proposer", "only the proposer may withdraw");
    proposed(row);
    return close(k, trx, caller.actor, row, "withdrawn", reason);
  });
}

/** Withdraws every proposed contract a participant is a party to (a succession ends its offers). */
export async function withdrawProposedOf(
  k: Kernel,
  trx: AnyDb,
  actor: Actor,
  participantId: string,
  reason: string,
): Promise<string[]> {
  const open = await contractsOf(trx, participantId, { status: "proposed", limit: 100_000 });
  for (const row of open) await close(k, trx, actor, row, "withdrawn", reason);
  return open.map((row) => row.id);
}
