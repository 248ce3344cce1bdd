import type { AnyDb } from "../../kernel/db/database.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import {
  CATALOG_STATUSES,
  type CatalogSort,
  type CatalogStatus,
  EVENTS,
  type FacetName,
  INDUSTRY_NAMES,
  MAX_QUERY_TOKENS,
} from "./catalog.model.js";
import {
  deleteItem,
  type Filters,
  itemIds,
  rebuildFullText,
  type ScoredItem,
  searchItems,
  upsertItem,
} from "./catalog.repo.js";
import type { CatalogItem } from "./catalog.tables.js";
import { countFacets, currentFacetIndex } from "./facet-cache.js";
import { rankedFilteredPage } from "./ranked-page.js";
import { indexText, queryWords } from "./segment.js";

/**
 * The catalog's rules (PR-3 published and searchable, PD-2/PD-3 open catalog). The projection is
 * written by a reaction inside the transaction of each registry event (src/flows/
 * catalog-projection.ts), so the catalog never shows a state that did not commit; search is
 * read-only. What the registration module knows arrives as a CatalogSource: this module reads no
 * other module's tables.
 */
export interface CatalogSource {
  registrationId: string;
  registrationNumber: string | null;
  status: string;
  name: string;
  description: string | null;
  holder: { participantId: string; type: string; name: string | null; region: string | null };
  originClass: string;
  grade: string;
  sensitivePersonal: boolean;
  industry: string | null;
  format: string | null;
  updateFrequency: string | null;
  keywords: string[];
  fieldNames: string[];
  spatialCoverage: string | null;
  timeFrom: string | null;
  timeTo: string | null;
  sourceUnit: string | null;
  catalogCode: string | null;
  volumeRows: number | null;
  publishedAt: string;
  noticeEndsAt: string | null;
  registeredAt: string | null;
  cancelReason: string | null;
  updatedAt: string;
}

export const isCatalogStatus = (status: string): status is CatalogStatus =>
  (CATALOG_STATUSES as readonly string[]).includes(status);

export function toItem(s: CatalogSource): CatalogItem {
  return {
    registration_id: s.registrationId,
    registration_number: s.registrationNumber,
    status: s.status as CatalogStatus,
    name: s.name,
    description: s.description,
    holder_participant_id: s.holder.participantId,
    holder_name: s.holder.type === "individual" ? null : s.holder.name,
    holder_type: s.holder.type,
    region: s.holder.region,
    origin_class: s.originClass,
    grade: s.grade,
    sensitive_personal: s.sensitivePersonal ? 1 : 0,
    industry: s.industry,
    format: s.format,
    update_frequency: s.updateFrequency,
    keywords: JSON.stringify(s.keywords),
    spatial_coverage: s.spatialCoverage,
    time_from: s.timeFrom,
    time_to: s.timeTo,
    source_unit: s.sourceUnit,
    catalog_code: s.catalogCode,
    volume_rows: s.volumeRows,
    published_at: s.publishedAt,
    notice_ends_at: s.noticeEndsAt,
    registered_at: s.registeredAt,
    cancel_reason: s.cancelReason,
    updated_at: s.updatedAt,
    title_tokens: indexText(s.name),
    body_tokens: indexText(
      s.description,
      s.keywords.join(" "),
      s.sourceUnit,
      s.catalogCode,
      s.holder.type === "individual" ? null : s.holder.name,
      s.spatialCoverage,
      s.industry ? INDUSTRY_NAMES[s.industry] : null,
      s.fieldNames.join(" "),
      s.registrationNumber,
    ),
  };
}

/**
 * Brings one registration's catalog item in line with it: upserted while public, removed
 * otherwise (`source` null: the registration is gone or not public, e.g. rejected after notice).
 */
export async function project(
  trx: AnyDb,
  registrationId: string,
  source: CatalogSource | null,
): Promise<void> {
  if (source && isCatalogStatus(source.status)) await upsertItem(trx, toItem(source));
  else await deleteItem(trx, registrationId);
}

export interface SearchQuery {
  q?: string | undefined;
  filters: Filters;
  sort?: CatalogSort | undefined;
  limit: number;
  offset: number;
}

export interface SearchResult {
  words: string[];
  items: ScoredItem[];
  total: number;
  facets: Record<FacetName, { value: string; count: number }[]>;
}

/**
 * Full-text search with facets: the words must all match; counts are over the matched set with
 * every filter applied, exact. The page is ranked and filtered in SQL; the counts come from the
 * in-memory facet index over the doc ids the full-text index matched (facet-cache.ts).
 */
export async function search(k: Kernel, query: SearchQuery): Promise<SearchResult> {
  const words = queryWords(query.q ?? "", MAX_QUERY_TOKENS);
  const match = { words, filters: query.filters };
  const sort = query.sort ?? (words.length > 0 ? "relevance" : "newest");
  const dialect = k.database.dialect;
  const page = { sort, limit: query.limit, offset: query.offset };
  const filtered = Object.values(query.filters).some((values) => values && values.length > 0);
  const [items, counts] = await Promise.all([
    dialect === "sqlite" && words.length > 0 && filtered && sort === "relevance"
      ? currentFacetIndex(k.db, dialect).then((index) =>
          rankedFilteredPage(k.db, index, words, query.filters, page),
        )
      : searchItems(k.db, dialect, match, page),
    countFacets(k.db, dialect, match),
  ]);
  return { words, items, total: counts.total, facets: counts.facets };
}

/**
 * Rebuilds the projection from the registry in one transaction (readers keep the old catalog
 * until it commits): every public registration upserted, items of no-longer-public ones removed,
 * the SQLite full-text index rebuilt from the table. `sources` pages through the registry.
 */
export async function reindex(
  k: Kernel,
  actor: Actor,
  sources: (trx: AnyDb) => AsyncIterable<CatalogSource[]>,
): Promise<{ indexed: number; removed: number }> {
  return k.transaction(async (trx) => {
    const seen = new Set<string>();
    for await (const page of sources(trx))
      for (const source of page) {
        if (!isCatalogStatus(source.status)) continue;
        await upsertItem(trx, toItem(source));
        seen.add(source.registrationId);
      }
    let removed = 0;
    for (let after = 0; ; ) {
      const ids = await itemIds(trx, after, 1000);
      if (ids.length === 0) break;
      after = Number(ids[ids.length - 1]?.doc);
      for (const { registration_id } of ids)
        if (!seen.has(registration_id) && (await deleteItem(trx, registration_id))) removed++;
    }
    await rebuildFullText(trx, k.database.dialect);
    await k.outbox.emit(trx, {
      type: EVENTS.reindexed,
      subjectIds: [],
      actor,
      payload: { indexed: seen.size, removed },
    });
    return { indexed: seen.size, removed };
  });
}
