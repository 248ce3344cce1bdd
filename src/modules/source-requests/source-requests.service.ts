import { sha256Hex } from "../../kernel/crypto/digest.js";
import { open, seal } from "../../kernel/crypto/secret-box.js";
import type { AnyDb } from "../../kernel/db/database.js";
import { AppError, conflict, forbidden } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import {
  belongsToRequester,
  hashIdentifier,
  maskIdentifier,
  normaliseIdentifier,
  type RequesterIdentity,
} from "./identifier.js";
import {
  type CopyFormat,
  DAY_MS,
  type IdentifierKind,
  MAX_COPY_BYTES,
  type SourceRequestTransition,
  SUBMITTED_EVENT,
  sealedFor,
  TRANSITIONS,
} from "./source-requests.model.js";
import { isHolder, isRequester, type Viewer, visibleRequest } from "./source-requests.present.js";
import { insertSourceRequest, updateSourceRequest } from "./source-requests.repo.js";
import type { SourceRequestRow } from "./source-requests.tables.js";

/**
 * The rules of copy requests (PR-5). Every change is one transaction with its outbox event; events
 * carry ids and keyed hashes only (never the identifier, a reason's text or the copy). Closing a
 * request — fulfilled, refused, withdrawn — wipes the sealed identifier in the same UPDATE.
 */
const boxKey = (k: Kernel) => k.keyring.subkey("secret-encryption");
const piiKey = (k: Kernel) => k.keyring.subkey("pii-hash");

const participantOf = (actor: Actor): string => {
  if (!actor.participantId) throw forbidden("forbidden", "only a participant may do this");
  return actor.participantId;
};

export interface NewSourceRequest {
  registrationId: string;
  /** the registration's holder, as the submitting flow read it */
  holderParticipantId: string;
  identifier: { kind: IdentifierKind; value: string };
  note?: string | undefined;
  /** the requester's admitted identity, as the submitting flow read it */
  requester: RequesterIdentity;
}

export async function submitSourceRequest(
  k: Kernel,
  actor: Actor,
  input: NewSourceRequest,
): Promise<SourceRequestRow> {
  const requester = participantOf(actor);
  if (requester === input.holderParticipantId)
    throw conflict("requester_is_holder", "the holder already has its own data", "registrationId");
  const now = k.clock.now();
  const { kind } = input.identifier;
  const value = normaliseIdentifier(kind, input.identifier.value, now);
  const belongs = belongsToRequester(piiKey(k), kind, value, input.requester);
  if (belongs === false)
    throw new AppError(
      403,
      "identifier_not_yours",
      `the ${kind} given is not the one the exchange knows for you; only data about yourself can be requested`,
      "identifier.value",
    );
  const id = k.newId("sourceRequest");
  const at = now.toISOString();
  const row: SourceRequestRow = {
    id,
    registration_id: input.registrationId,
    holder_participant_id: input.holderParticipantId,
    requester_participant_id: requester,
    identifier_kind: kind,
    identifier_hash: hashIdentifier(piiKey(k), kind, value),
    identifier_masked: maskIdentifier(kind, value),
    identifier_verified: belongs ? 1 : 0,
    identifier_sealed: seal(boxKey(k), Buffer.from(value, "utf8"), sealedFor(id, "identifier")),
    note: input.note ?? null,
    status: "submitted",
    deadline_at: new Date(now.getTime() + k.config.sourceRequestDays * DAY_MS).toISOString(),
    refusal_reason: null,
    answered_by: null,
    answered_at: null,
    copy_format: null,
    copy_rows: null,
    copy_bytes: null,
    copy_sha256: null,
    copy_sealed: null,
    created_at: at,
    updated_at: at,
  };
  return k.transaction(async (trx) => {
    await insertSourceRequest(trx, row);
    await k.outbox.emit(trx, {
      type: SUBMITTED_EVENT,
      subjectIds: [id, input.registrationId, requester, input.holderParticipantId],
      actor,
      payload: {
        requestId: id,
        registrationId: input.registrationId,
        identifierKind: kind,
        identifierHash: row.identifier_hash,
        identifierVerified: row.identifier_verified === 1,
        deadlineAt: row.deadline_at,
      },
    });
    return row;
  });
}

/** Moves a request along a named transition, guarded, wiping the sealed identifier, with its event. */
async function close(
  k: Kernel,
  trx: AnyDb,
  actor: Actor,
  row: SourceRequestRow,
  name: SourceRequestTransition,
  changes: Partial<SourceRequestRow>,
  payload: Record<string, unknown>,
): Promise<SourceRequestRow> {
  const rule = TRANSITIONS[name];
  if (!(rule.from as readonly string[]).includes(row.status))
    throw conflict("invalid_transition", `cannot ${name} a request that is ${row.status}`, "status");
  const at = k.clock.now().toISOString();
  const set = { ...changes, status: rule.to, identifier_sealed: null, updated_at: at };
  if (!(await updateSourceRequest(trx, row.id, rule.from, set)))
    throw conflict("invalid_transition", "the request changed meanwhile; reload and try again", "status");
  await k.outbox.emit(trx, {
    type: rule.event,
    subjectIds: [row.id, row.registration_id, row.requester_participant_id, row.holder_participant_id],
    actor,
    payload: { requestId: row.id, from: row.status, to: rule.to, ...payload },
  });
  return { ...row, ...set };
}

async function addressedTo(db: AnyDb, actor: Actor, id: string): Promise<SourceRequestRow> {
  const viewer = { participantId: participantOf(actor), participantType: "" };
  const row = await visibleRequest(db, viewer, id);
  if (!isHolder(viewer, row))
    throw forbidden("not_holder", "only the holder the request is addressed to may answer");
  return row;
}

/**
 * What the holder's node needs to match: the request (addressed to the caller, still open) and the
 * identifier, unsealed. Only the flow that runs the match calls this; the value is never answered.
 */
export async function identifierToMatch(
  k: Kernel,
  actor: Actor,
  id: string,
): Promise<{ request: SourceRequestRow; value: string }> {
  const request = await addressedTo(k.db, actor, id);
  if (request.status !== "submitted" || request.identifier_sealed === null)
    throw conflict("invalid_transition", `cannot fulfil a request that is ${request.status}`, "status");
  const value = open(boxKey(k), request.identifier_sealed, sealedFor(id, "identifier")).toString("utf8");
  return { request, value };
}

export interface Copy {
  format: CopyFormat;
  rows: number;
  bytes: Buffer;
}

export async function fulfilSourceRequest(k: Kernel, actor: Actor, id: string, copy: Copy) {
  if (copy.bytes.length > MAX_COPY_BYTES)
    throw new AppError(
      413,
      "copy_too_large",
      `the copy exceeds ${MAX_COPY_BYTES} bytes; refuse with a reason`,
    );
  const sha256 = sha256Hex(copy.bytes);
  return k.transaction(async (trx) => {
    const row = await addressedTo(trx, actor, id);
    const changes = {
      answered_by: participantOf(actor),
      answered_at: k.clock.now().toISOString(),
      copy_format: copy.format,
      copy_rows: copy.rows,
      copy_bytes: copy.bytes.length,
      copy_sha256: sha256,
      copy_sealed: seal(boxKey(k), copy.bytes, sealedFor(id, "copy")),
    };
    return close(k, trx, actor, row, "fulfil", changes, {
      rows: copy.rows,
      format: copy.format,
      bytes: copy.bytes.length,
      copySha256: sha256,
    });
  });
}

export async function refuseSourceRequest(k: Kernel, actor: Actor, id: string, reason: string) {
  return k.transaction(async (trx) => {
    const row = await addressedTo(trx, actor, id);
    const changes = {
      refusal_reason: reason,
      answered_by: participantOf(actor),
      answered_at: k.clock.now().toISOString(),
    };
    return close(k, trx, actor, row, "refuse", changes, { reasonSha256: sha256Hex(reason) });
  });
}

export async function withdrawSourceRequest(k: Kernel, actor: Actor, id: string) {
  return k.transaction(async (trx) => {
    const viewer = { participantId: participantOf(actor), participantType: "" };
    const row = await visibleRequest(trx, viewer, id);
    if (!isRequester(viewer, row)) throw forbidden("not_requester", "only the requester may withdraw");
    return close(k, trx, actor, row, "withdraw", {}, {});
  });
}

/** The sealed copy, opened for the requester alone. */
export async function readCopy(k: Kernel, viewer: Viewer, id: string) {
  const row = await visibleRequest(k.db, viewer, id);
  if (!isRequester(viewer, row))
    throw forbidden("copy_for_requester_only", "only the requester may download the copy");
  if (row.status !== "fulfilled" || row.copy_sealed === null || row.copy_format === null)
    throw conflict("no_copy", `the request is ${row.status}; there is no copy`, "status");
  const bytes = open(boxKey(k), row.copy_sealed, sealedFor(id, "copy"));
  return { format: row.copy_format, bytes, sha256: row.copy_sha256 };
}
