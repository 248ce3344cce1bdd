import type { ScoredItem } from "./catalog.repo.js";

/**
 * A catalog item as the public sees it: what the public registry shows (PR-3) and nothing more —
 * no contact details, and no name for individual holders (PR-8).
 */
export function presentItem(row: ScoredItem) {
  return {
    id: row.registration_id,
    registrationNumber: row.registration_number,
    status: row.status,
    cancelled: row.status === "cancelled",
    name: row.name,
    description: row.description,
    holder: { participantId: row.holder_participant_id, type: row.holder_type, name: row.holder_name },
    region: row.region,
    originClass: row.origin_class,
    grade: row.grade,
    sensitivePersonal: Number(row.sensitive_personal) === 1,
    industry: row.industry,
    format: row.format,
    updateFrequency: row.update_frequency,
    keywords: JSON.parse(row.keywords) as string[],
    spatialCoverage: row.spatial_coverage,
    timeFrom: row.time_from,
    timeTo: row.time_to,
    sourceUnit: row.source_unit,
    catalogCode: row.catalog_code,
    volumeRows: row.volume_rows === null ? null : Number(row.volume_rows),
    publishedAt: row.published_at,
    noticeEndsAt: row.notice_ends_at,
    registeredAt: row.registered_at,
    cancelReason: row.cancel_reason,
    updatedAt: row.updated_at,
    score: row.score,
  };
}
