import type { AnyDb } from "../../kernel/db/database.js";
import { notFound } from "../../kernel/errors.js";
import type { Principal } from "../../kernel/http/access.js";
import { OVERSEER_TYPES } from "./source-requests.model.js";
import { findSourceRequest } from "./source-requests.repo.js";
import type { SourceRequestRow } from "./source-requests.tables.js";

/**
 * Who sees a request: the requester, the holder it is addressed to, and the overseers (regulator,
 * exchange operator) who follow up deadlines. To anyone else it does not exist (404). What anyone
 * sees is the kind and the mask of the identifier, never the hash, the sealed value or the copy.
 */
export type Viewer = Pick<Principal, "participantId" | "participantType"> | null;

export const isOverseer = (v: Viewer) => !!v && OVERSEER_TYPES.includes(v.participantType);
export const isRequester = (v: Viewer, r: SourceRequestRow) =>
  v?.participantId === r.requester_participant_id;
export const isHolder = (v: Viewer, r: SourceRequestRow) => v?.participantId === r.holder_participant_id;
export const canSee = (v: Viewer, r: SourceRequestRow) =>
  isRequester(v, r) || isHolder(v, r) || isOverseer(v);

export async function visibleRequest(db: AnyDb, viewer: Viewer, id: string): Promise<SourceRequestRow> {
  const row = await findSourceRequest(db, id);
  if (!row || !canSee(viewer, row)) throw notFound("source_request_not_found", `no source request ${id}`);
  return row;
}

const num = (v: number | null) => (v === null ? null : Number(v));

export function presentSourceRequest(r: SourceRequestRow, now: Date) {
  return {
    id: r.id,
    registrationId: r.registration_id,
    holderParticipantId: r.holder_participant_id,
    requesterParticipantId: r.requester_participant_id,
    identifier: {
      kind: r.identifier_kind,
      masked: r.identifier_masked,
      verified: Number(r.identifier_verified) === 1,
    },
    note: r.note,
    status: r.status,
    deadlineAt: r.deadline_at,
    overdue: r.status === "submitted" && now.toISOString() > r.deadline_at,
    refusalReason: r.refusal_reason,
    answeredAt: r.answered_at,
    answeredLate: r.answered_at !== null && r.answered_at > r.deadline_at,
    copy:
      r.copy_format === null
        ? null
        : {
            format: r.copy_format,
            rows: num(r.copy_rows) ?? 0,
            bytes: num(r.copy_bytes) ?? 0,
            sha256: r.copy_sha256 ?? "",
          },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
