import type { AnyDb } from "../kernel/db/database.js";
import type { Kernel } from "../kernel/kernel.js";
import type { Actor } from "../kernel/outbox.js";
import type { Reaction } from "../kernel/reactions.js";
import { type CatalogSource, project, provinceOf, reindex } from "../modules/catalog/index.js";
import { getParticipant } from "../modules/identity/index.js";
import {
  EVENTS,
  findRegistration,
  listRegistrations,
  PUBLIC_STATUSES,
  type RegistrationRow,
  TRANSITIONS,
} from "../modules/registration/index.js";

/**
 * The catalog follows the public registry (PR-3 "published and searchable"). Every registry event
 * re-reads the registration it names, inside the emitting transaction, and brings its catalog item
 * in line: in notice → appears; registered → shows its number; rejected after notice → gone;
 * cancelled → stays, marked; a succession moving holders → shows the new holder. A change
 * registration (变更登记) is not an item of its own: the resource it amends is re-read instead.
 *
 * The holder's type and region come from its participant record (identity): the region is the
 * participant's declared GB/T 2260 code, else the registration authority embedded in its USCC,
 * cut to the province (see provinceOf). The registration's own spatial coverage is free text
 * about the data, not the holder, and is shown and searched but not faceted.
 */
const REGISTRY_EVENTS = [
  ...new Set<string>(Object.values(TRANSITIONS).map((t) => t.event)),
  EVENTS.holderMoved,
  "registration.changed",
];

async function sourceOf(trx: AnyDb, row: RegistrationRow): Promise<CatalogSource> {
  const holder = await getParticipant(trx, row.holder_participant_id);
  const fields = JSON.parse(row.fields) as { name?: string }[] | null;
  return {
    registrationId: row.id,
    registrationNumber: row.registration_number,
    status: row.status,
    name: row.name,
    description: row.description,
    holder: {
      participantId: holder.id,
      type: holder.type,
      name: holder.name,
      region: provinceOf(holder.region, holder.uscc),
    },
    originClass: row.origin_class,
    grade: row.grade,
    sensitivePersonal: Number(row.sensitive_personal) === 1,
    industry: row.industry,
    format: row.format,
    updateFrequency: row.update_frequency,
    keywords: JSON.parse(row.keywords) as string[],
    fieldNames: (fields ?? []).map((f) => f?.name ?? "").filter(Boolean),
    spatialCoverage: row.spatial_coverage,
    timeFrom: row.time_from,
    timeTo: row.time_to,
    sourceUnit: row.source_unit,
    catalogCode: row.catalog_code,
    volumeRows: row.volume_rows === null ? null : Number(row.volume_rows),
    publishedAt: row.notice_starts_at ?? row.updated_at,
    noticeEndsAt: row.notice_ends_at,
    registeredAt: row.registration_number ? row.decided_at : null,
    cancelReason: row.cancel_reason,
    updatedAt: row.updated_at,
  };
}

/** Brings the catalog item of one registration in line with the registry. */
export async function syncCatalogItem(trx: AnyDb, registrationId: string): Promise<void> {
  let row = await findRegistration(trx, registrationId);
  // A change registration is not an item of its own: the resource it amends is.
  if (row?.kind === "change") {
    if (!row.amends_registration_id) return;
    row = await findRegistration(trx, row.amends_registration_id);
  }
  if (!row) return;
  const isPublic = PUBLIC_STATUSES.includes(row.status);
  await project(trx, row.id, isPublic ? await sourceOf(trx, row) : null);
}

export const catalogProjection: Reaction = {
  name: "catalog-projection",
  on: REGISTRY_EVENTS,
  async run(_k, trx, event) {
    const { registrationId, registrationIds } = event.payload as {
      registrationId?: string;
      registrationIds?: string[];
    };
    const ids = registrationIds ?? (registrationId ? [registrationId] : []);
    for (const id of ids) await syncCatalogItem(trx, id);
  },
};

/** The public registry, a page at a time, as catalog sources (change registrations left out). */
async function* registry(trx: AnyDb): AsyncIterable<CatalogSource[]> {
  for (let after: string | undefined; ; ) {
    const rows = await listRegistrations(trx, {
      statuses: PUBLIC_STATUSES,
      limit: 500,
      ...(after ? { after } : {}),
    });
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.id;
    const page: CatalogSource[] = [];
    for (const row of rows) if (row.kind !== "change") page.push(await sourceOf(trx, row));
    yield page;
  }
}

/** `yaosu catalog reindex`: the projection rebuilt from the registry (after upgrades). */
export const reindexCatalog = (k: Kernel, actor: Actor) => reindex(k, actor, registry);
