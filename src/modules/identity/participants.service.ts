import { keyedHash } from "../../kernel/crypto/digest.js";
import { generateEd25519, type PublicJwk } from "../../kernel/crypto/ed25519.js";
import { seal } from "../../kernel/crypto/secret-box.js";
import type { AnyDb } from "../../kernel/db/database.js";
import { badRequest, conflict, notFound } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { maskResidentId, validateResidentId, validateUscc } from "../../lib/cn-identifiers/index.js";
import {
  isOrganisation,
  type ParticipantStatus,
  type ParticipantType,
  type ServiceKind,
} from "./identity.model.js";
import type { ParticipantRow } from "./identity.tables.js";
import { findParticipant, identifierTaken, insertParticipant } from "./participants.repo.js";

export interface NewParticipant {
  type: ParticipantType;
  name: string;
  uscc?: string | undefined;
  residentId?: string | undefined;
  region?: string | undefined;
  contactEmail?: string | undefined;
  contactPhone?: string | undefined;
  serviceKinds?: ServiceKind[] | undefined;
}

/** The public face of a participant (what the API answers). Never the hash or the private key. */
export interface Participant {
  id: string;
  type: ParticipantType;
  name: string;
  status: ParticipantStatus;
  uscc: string | null;
  residentIdMasked: string | null;
  region: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  serviceKinds: ServiceKind[];
  publicKeyJwk: PublicJwk;
  statusReason: string | null;
  createdAt: string;
  admittedAt: string | null;
}

export function presentParticipant(row: ParticipantRow): Participant {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    status: row.status,
    uscc: row.uscc,
    residentIdMasked: row.resident_id_masked,
    region: row.region,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    serviceKinds: JSON.parse(row.service_kinds) as ServiceKind[],
    publicKeyJwk: JSON.parse(row.public_key_jwk) as PublicJwk,
    statusReason: row.status_reason,
    createdAt: row.created_at,
    admittedAt: row.admitted_at,
  };
}

/**
 * Creates a participant with its Ed25519 key pair (private half sealed under the master key,
 * bound to this participant's id). Organisations are identified by their USCC (GB 32100),
 * individuals by their resident ID (GB 11643), kept only as a keyed hash plus a masked form.
 */
export async function createParticipant(
  k: Kernel,
  trx: AnyDb,
  input: NewParticipant,
  status: ParticipantStatus,
  actor: Actor | null,
): Promise<ParticipantRow> {
  const identity = await checkIdentifiers(k, trx, input);
  const id = k.newId("participant");
  const now = k.clock.now().toISOString();
  const keys = generateEd25519();
  const row: ParticipantRow = {
    id,
    type: input.type,
    name: input.name.trim(),
    status,
    ...identity,
    region: input.region ?? null,
    contact_email: input.contactEmail ?? null,
    contact_phone: input.contactPhone ?? null,
    service_kinds: JSON.stringify(input.type === "third_party" ? (input.serviceKinds ?? []) : []),
    public_key_jwk: JSON.stringify(keys.publicJwk),
    private_key_sealed: seal(k.keyring.subkey("secret-encryption"), keys.privatePkcs8, `participant:${id}`),
    status_reason: null,
    created_at: now,
    updated_at: now,
    admitted_at: status === "admitted" ? now : null,
  };
  await insertParticipant(trx, row);
  await k.outbox.emit(trx, {
    type: status === "pending" ? "identity.admission_applied" : "identity.participant_created",
    subjectIds: [id],
    actor,
    // No names or identifiers of individuals in events: ids and types only.
    payload: {
      participantId: id,
      type: row.type,
      status,
      ...(isOrganisation(row.type) ? { name: row.name, uscc: row.uscc } : {}),
    },
  });
  return row;
}

async function checkIdentifiers(k: Kernel, trx: AnyDb, input: NewParticipant) {
  if (isOrganisation(input.type)) {
    if (input.residentId)
      throw badRequest(
        "unexpected_field",
        "organisations are identified by uscc, not residentId",
        "residentId",
      );
    if (!input.uscc)
      throw badRequest("uscc_required", "organisations must give their Unified Social Credit Code", "uscc");
    const uscc = validateUscc(input.uscc);
    if (!uscc.ok)
      throw badRequest("invalid_uscc", `not a valid Unified Social Credit Code (${uscc.reason})`, "uscc");
    if (input.serviceKinds?.length && input.type !== "third_party") {
      throw badRequest("unexpected_field", "only third-party services declare service kinds", "serviceKinds");
    }
    if (input.type === "third_party" && !input.serviceKinds?.length) {
      throw badRequest(
        "service_kinds_required",
        "a third-party service must name at least one service kind",
        "serviceKinds",
      );
    }
    if (await identifierTaken(trx, "uscc", uscc.value))
      throw conflict("uscc_taken", "a participant with this USCC exists", "uscc");
    return { uscc: uscc.value, resident_id_hash: null, resident_id_masked: null };
  }
  if (input.uscc)
    throw badRequest("unexpected_field", "individuals are identified by residentId, not uscc", "uscc");
  if (input.serviceKinds?.length)
    throw badRequest("unexpected_field", "only third-party services declare service kinds", "serviceKinds");
  if (!input.residentId)
    throw badRequest("resident_id_required", "individuals must give their resident ID number", "residentId");
  const rid = validateResidentId(input.residentId, k.clock.now());
  if (!rid.ok)
    throw badRequest("invalid_resident_id", `not a valid resident ID number (${rid.reason})`, "residentId");
  const hash = keyedHash(k.keyring.subkey("pii-hash"), rid.value);
  if (await identifierTaken(trx, "resident_id_hash", hash)) {
    throw conflict("resident_id_taken", "a participant with this resident ID exists", "residentId");
  }
  return { uscc: null, resident_id_hash: hash, resident_id_masked: maskResidentId(rid.value) };
}

export async function getParticipant(db: AnyDb, id: string): Promise<ParticipantRow> {
  const row = await findParticipant(db, id);
  if (!row) throw notFound("participant_not_found", `no participant ${id}`, "id");
  return row;
}
