import { allow, type Principal } from "../../kernel/http/access.js";
import { OVERSEER_TYPES, PUBLIC_STATUSES } from "./registration.model.js";
import type { ObjectionRow, RegistrationRow } from "./registration.tables.js";

/**
 * What of a registration whom may see. Drafts and registrations under review or rejected: only the
 * holder, the exchange operator and the regulator (to anyone else they do not exist: 404). In the
 * public registry (in notice, registered, cancelled) anyone sees everything except the contact.
 * Objections: the holder, the overseers and the objector itself.
 */
export type Viewer = Pick<Principal, "participantId" | "participantType"> | null;

/** Exchange-operator users with the reviewer role do formal reviews, decide objections, close notices. */
export const reviewers = allow.participantTypes(["exchange_operator"], { roles: ["reviewer"] });

export const isOverseer = (v: Viewer) => !!v && OVERSEER_TYPES.includes(v.participantType);
export const isHolder = (v: Viewer, row: RegistrationRow) => v?.participantId === row.holder_participant_id;
export const isPublic = (row: RegistrationRow) => PUBLIC_STATUSES.includes(row.status);
export const canSee = (v: Viewer, row: RegistrationRow) => isPublic(row) || isHolder(v, row) || isOverseer(v);

const opt = <T>(value: T | null) => (value === null ? undefined : value);

export function presentRegistration(row: RegistrationRow, viewer: Viewer) {
  const privileged = isHolder(viewer, row) || isOverseer(viewer);
  return {
    id: row.id,
    status: row.status,
    kind: row.kind,
    amendsRegistrationId: row.amends_registration_id,
    changeReason: row.change_reason,
    version: Number(row.version),
    registrationNumber: row.registration_number,
    holderParticipantId: row.holder_participant_id,
    name: row.name,
    originClass: row.origin_class as "public" | "enterprise" | "personal",
    grade: row.grade as "core" | "important" | "general",
    sensitivePersonal: Number(row.sensitive_personal) === 1,
    description: opt(row.description),
    sourceUnit: opt(row.source_unit),
    catalogCode: opt(row.catalog_code),
    legalBasis: opt(row.legal_basis) as never,
    legalBasisNote: opt(row.legal_basis_note),
    collectionMethod: opt(row.collection_method),
    datasetId: opt(row.dataset_id),
    fields: JSON.parse(row.fields),
    volumeRows: row.volume_rows === null ? undefined : Number(row.volume_rows),
    volumeBytes: row.volume_bytes === null ? undefined : Number(row.volume_bytes),
    format: opt(row.format) as never,
    updateFrequency: opt(row.update_frequency) as never,
    timeFrom: opt(row.time_from),
    timeTo: opt(row.time_to),
    spatialCoverage: opt(row.spatial_coverage),
    industry: opt(row.industry) as never,
    keywords: JSON.parse(row.keywords),
    quality: JSON.parse(row.quality),
    ...(privileged ? { contact: JSON.parse(row.contact) ?? undefined } : {}),
    reviewReason: row.review_reason,
    reclassificationReason: row.reclassification_reason,
    noticeStartsAt: row.notice_starts_at,
    noticeEndsAt: row.notice_ends_at,
    decidedAt: row.decided_at,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const canSeeObjection = (v: Viewer, reg: RegistrationRow, o: ObjectionRow) =>
  isHolder(v, reg) || isOverseer(v) || v?.participantId === o.objector_participant_id;

export const presentObjection = (o: ObjectionRow) => ({
  id: o.id,
  registrationId: o.registration_id,
  objectorParticipantId: o.objector_participant_id,
  reasons: o.reasons,
  evidence: JSON.parse(o.evidence) as string[],
  status: o.status,
  decisionReason: o.decision_reason,
  decidedAt: o.decided_at,
  createdAt: o.created_at,
});
