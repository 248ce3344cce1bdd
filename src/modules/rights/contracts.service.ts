import type { PublicJwk } from "../../kernel/crypto/ed25519.js";
import type { AnyDb } from "../../kernel/db/database.js";
import { badRequest, conflict, forbidden, notFound } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import { type ContractDocument, encodeDocument } from "./contract-document.js";
import { insertContract } from "./contracts.repo.js";
import { type Caller, participantOf } from "./rights.access.js";
import {
  CONTRACT_DOCUMENT_TYPE,
  type ContractKind,
  EVENTS,
  GRANTABLE,
  type RightKind,
} from "./rights.model.js";
import type { RightsPorts } from "./rights.ports.js";
import { findRight } from "./rights.repo.js";
import type { RightRow, RightsContractRow } from "./rights.tables.js";

/**
 * Proposing a rights contract (PR-2, PR-4): the holder of an active right offers a grant (a
 * processing-and-use or product-operation right derived from it) or a transfer (the right itself)
 * to an admitted counterparty. The proposal is the holder's signature on the contract document;
 * the counterparty's signature (accept) completes it. See contract-decisions.service.ts.
 */
export interface ProposalInput {
  kind: ContractKind;
  counterpartyParticipantId: string;
  /** grant: the kind of right granted; transfer: the source's kind, if given */
  rightKind?: RightKind | undefined;
  scope?: string | undefined;
  termStart?: string | undefined;
  termEnd?: string | null | undefined;
  priceFen?: number | undefined;
}

const iso = (value: string) => new Date(value).toISOString();

/** The right, scope and term the contract gives, checked against the source. */
function terms(source: RightRow, input: ProposalInput, now: string): ContractDocument["right"] {
  if (input.kind === "transfer") {
    if (input.rightKind !== undefined && input.rightKind !== source.kind)
      throw badRequest("kind_mismatch", `a transfer moves the ${source.kind} right as it is`, "rightKind");
    for (const field of ["scope", "termStart", "termEnd"] as const)
      if (input[field] !== undefined)
        throw badRequest("not_for_transfer", "a transfer moves the right with its own scope and term", field);
    return { kind: source.kind, scope: source.scope, termStart: source.term_start, termEnd: source.term_end };
  }
  if (!input.rightKind)
    throw badRequest("right_kind_required", "name the kind of right granted", "rightKind");
  if (!GRANTABLE[source.kind].includes(input.rightKind))
    throw badRequest(
      "kind_not_grantable",
      `a ${source.kind} right can grant ${GRANTABLE[source.kind].join(" or ") || "nothing"}`,
      "rightKind",
    );
  if (!input.scope) throw badRequest("scope_required", "state the scope of the granted right", "scope");
  const termStart = input.termStart ? iso(input.termStart) : now;
  const termEnd = input.termEnd ? iso(input.termEnd) : source.term_end;
  if (termStart < source.term_start)
    throw badRequest("term_outside_source", "the grant cannot start before its source right", "termStart");
  if (termEnd !== null && termEnd <= termStart)
    throw badRequest("term_reversed", "termEnd must be after termStart", "termEnd");
  if (source.term_end !== null && (termEnd === null || termEnd > source.term_end))
    throw badRequest(
      "term_outside_source",
      `the grant cannot outlast its source (${source.term_end})`,
      "termEnd",
    );
  return { kind: input.rightKind, scope: input.scope, termStart, termEnd };
}

async function keyOf(
  ports: RightsPorts,
  db: AnyDb,
  participantId: string,
  field: string,
): Promise<PublicJwk> {
  const key = await ports.parties.admittedKey(db, participantId);
  if (!key) throw badRequest("party_not_admitted", `${participantId} is not an admitted participant`, field);
  return key;
}

export async function proposeContract(
  k: Kernel,
  ports: RightsPorts,
  caller: Caller,
  rightId: string,
  input: ProposalInput,
): Promise<RightsContractRow> {
  const proposer = participantOf(caller.actor);
  const counterparty = input.counterpartyParticipantId;
  return k.transaction(async (trx) => {
    const source = await findRight(trx, rightId);
    if (!source || !(await ports.resourceVisible(trx, caller.viewer, source.resource_registration_id)))
      throw notFound("right_not_found", `no right ${rightId}`);
    if (source.holder_participant_id !== proposer)
      throw forbidden("not_holder", "only the holder of a right may grant or transfer it");
    if (source.status !== "active")
      throw conflict(
        "right_not_active",
        `the right is ${source.status}; it cannot be granted or transferred`,
      );
    if (counterparty === proposer)
      throw badRequest(
        "counterparty_is_holder",
        "the counterparty must be another participant",
        "counterpartyParticipantId",
      );
    const verdict = await ports.circulation(
      trx,
      source.resource_registration_id,
      input.kind === "grant" ? "authorise" : "trade",
    );
    if (verdict.decision === "forbidden")
      throw conflict(
        "circulation_forbidden",
        `the circulation rules (v${verdict.ruleVersion}) forbid ${verdict.mode} for ${verdict.originClass} data of grade ${verdict.grade}${verdict.sensitivePersonal ? " with sensitive personal information" : ""}`,
        "kind",
      );
    const { originClass: _c, grade: _g, sensitivePersonal: _s, ...circulation } = verdict;
    const now = k.clock.now().toISOString();
    const right = terms(source, input, now);
    const document: ContractDocument = {
      type: CONTRACT_DOCUMENT_TYPE,
      version: 1,
      contractId: k.newId("rightsContract"),
      kind: input.kind,
      holder: { participantId: proposer, publicKeyJwk: await keyOf(ports, trx, proposer, "holder") },
      counterparty: {
        participantId: counterparty,
        publicKeyJwk: await keyOf(ports, trx, counterparty, "counterpartyParticipantId"),
      },
      sourceRight: { id: source.id, kind: source.kind, registrationId: source.resource_registration_id },
      right,
      priceFen: input.priceFen ?? null,
      circulation,
      proposedAt: now,
    };
    const encoded = encodeDocument(document);
    const signature = await ports.parties.sign(trx, proposer, encoded.bytes);
    const row: RightsContractRow = {
      id: document.contractId,
      kind: input.kind,
      status: "proposed",
      proposer_participant_id: proposer,
      counterparty_participant_id: counterparty,
      source_right_id: source.id,
      resource_registration_id: source.resource_registration_id,
      right_kind: right.kind,
      scope: right.scope,
      term_start: right.termStart,
      term_end: right.termEnd,
      price_fen: document.priceFen,
      document: encoded.text,
      document_sha256: encoded.sha256,
      proposer_public_jwk: JSON.stringify(document.holder.publicKeyJwk),
      proposer_signature: Buffer.from(signature).toString("base64url"),
      counterparty_public_jwk: null,
      counterparty_signature: null,
      resulting_right_id: null,
      reason: null,
      created_at: now,
      updated_at: now,
      decided_at: null,
    };
    await insertContract(trx, row);
    // No price in the event: the evidence log is public, the document hash stands for the terms.
    await k.outbox.emit(trx, {
      type: EVENTS.contractProposed,
      subjectIds: [row.id, source.id, source.resource_registration_id, proposer, counterparty],
      actor: caller.actor,
      payload: {
        contractId: row.id,
        kind: row.kind,
        sourceRightId: source.id,
        rightKind: row.right_kind,
        proposerParticipantId: proposer,
        counterpartyParticipantId: counterparty,
        documentSha256: row.document_sha256,
      },
    });
    return row;
  });
}
