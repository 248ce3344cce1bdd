import { type SelectQueryBuilder, sql } from "kysely";
import { type AnyDb, type Dialect, typed } from "../../kernel/db/database.js";
import { BODY_WEIGHT, type CatalogSort, FACET_NAMES, FACETS, TITLE_WEIGHT } from "./catalog.model.js";
import type { CatalogItem, CatalogItemRow, CatalogItemTable, CatalogTables } from "./catalog.tables.js";
import type { FacetColumns, Filters } from "./facet-index.js";

/**
 * All SQL of the catalog. Writes are one set of Kysely statements; the full-text predicate and
 * its rank are the only engine-specific fragments (FTS5 MATCH + bm25 on SQLite, tsvector @@ +
 * ts_rank on PostgreSQL), both over the same pre-segmented words.
 */
const t = (db: AnyDb) => typed<CatalogTables>(db);

/** Every column but PostgreSQL's generated search_vector (large, and only the index needs it). */
export const COLUMNS = [
  "doc",
  "registration_id",
  "registration_number",
  "status",
  "name",
  "description",
  "holder_participant_id",
  "holder_name",
  "holder_type",
  "region",
  "origin_class",
  "grade",
  "sensitive_personal",
  "industry",
  "format",
  "update_frequency",
  "keywords",
  "spatial_coverage",
  "time_from",
  "time_to",
  "source_unit",
  "catalog_code",
  "volume_rows",
  "published_at",
  "notice_ends_at",
  "registered_at",
  "cancel_reason",
  "updated_at",
  "title_tokens",
  "body_tokens",
] as const satisfies readonly (keyof CatalogItemRow)[];

export async function upsertItem(db: AnyDb, item: CatalogItem): Promise<void> {
  const { registration_id: _, ...changes } = item;
  await t(db)
    .insertInto("catalog_items")
    .values(item)
    .onConflict((oc) => oc.column("registration_id").doUpdateSet(changes))
    .execute();
  await bumpGeneration(db);
}

export async function deleteItem(db: AnyDb, registrationId: string): Promise<boolean> {
  const result = await t(db)
    .deleteFrom("catalog_items")
    .where("registration_id", "=", registrationId)
    .executeTakeFirst();
  const deleted = Number(result.numDeletedRows) > 0;
  // a no-op delete (a registration that never was public) leaves every cache valid
  if (deleted) await bumpGeneration(db);
  return deleted;
}

export function findItem(db: AnyDb, registrationId: string): Promise<CatalogItemRow | undefined> {
  return t(db)
    .selectFrom("catalog_items")
    .select(COLUMNS)
    .where("registration_id", "=", registrationId)
    .executeTakeFirst();
}

/** Registration ids in the catalog, a page at a time (for reindex's sweep of stale items). */
export async function itemIds(db: AnyDb, afterDoc: number, limit: number) {
  return t(db)
    .selectFrom("catalog_items")
    .select(["doc", "registration_id"])
    .where("doc", ">", afterDoc)
    .orderBy("doc")
    .limit(limit)
    .execute();
}

/** SQLite: rebuilds the FTS5 index from catalog_items (after an upgrade or a suspected drift). */
export async function rebuildFullText(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect === "sqlite") await sql`insert into catalog_fts(catalog_fts) values ('rebuild')`.execute(db);
  await bumpGeneration(db);
}

export type { Filters };
export interface Match {
  /** the query's words (empty: browse everything) */
  words: readonly string[];
  filters: Filters;
}

/** FTS5 query: every word as a quoted string, implicitly ANDed. */
export const ftsQuery = (words: readonly string[]) =>
  words.map((w) => `"${w.replaceAll('"', '""')}"`).join(" ");

type ItemsQuery = SelectQueryBuilder<CatalogTables & { ci: CatalogItemTable }, "ci" | "catalog_fts", object>;

/** The matched set: catalog_items (as ci) joined to the full-text index when there are words. */
function matched(db: AnyDb, dialect: Dialect, m: Match) {
  let q = t(db).selectFrom("catalog_items as ci") as unknown as ItemsQuery;
  if (m.words.length > 0) {
    if (dialect === "sqlite") {
      q = q
        .innerJoin("catalog_fts", "catalog_fts.rowid", "ci.doc")
        .where(sql<boolean>`catalog_fts match ${ftsQuery(m.words)}`);
    } else {
      q = q.where(sql<boolean>`ci.search_vector @@ plainto_tsquery('simple', ${m.words.join(" ")})`);
    }
  }
  for (const facet of FACET_NAMES) {
    const values = m.filters[facet];
    if (values && values.length > 0) q = q.where(`ci.${FACETS[facet]}`, "in", [...values]);
  }
  return q;
}

/** Relevance: lower is better in bm25, higher in ts_rank; both put the name before the rest. */
function score(dialect: Dialect, words: readonly string[]) {
  if (words.length === 0) return sql<number | null>`null`;
  if (dialect === "sqlite")
    return sql<number>`-bm25(catalog_fts, ${sql.lit(TITLE_WEIGHT)}, ${sql.lit(BODY_WEIGHT)})`;
  // ts_rank weights are {D, C, B, A}; B holds the body, A the name
  const weights = `{0, 0, ${BODY_WEIGHT / TITLE_WEIGHT}, 1}`;
  return sql<number>`ts_rank(${weights}::float4[], ci.search_vector, plainto_tsquery('simple', ${words.join(" ")}))`;
}

export type ScoredItem = CatalogItemRow & { score: number | null };

export async function searchItems(
  db: AnyDb,
  dialect: Dialect,
  m: Match,
  page: { sort: CatalogSort; limit: number; offset: number },
): Promise<ScoredItem[]> {
  const unfiltered = FACET_NAMES.every((f) => !m.filters[f]?.length);
  let rows: ScoredItem[];
  if (dialect === "sqlite" && m.words.length > 0 && unfiltered && page.sort === "relevance") {
    // The common case, ranked inside FTS5 alone (its ORDER BY rank LIMIT keeps only the top
    // rows), then joined to the page's items: no row of the matched set is read beyond the page.
    const top = t(db)
      .selectFrom("catalog_fts")
      .select(["catalog_fts.rowid as doc", sql<number>`rank`.as("rank")])
      .where(sql<boolean>`catalog_fts match ${ftsQuery(m.words)}`)
      .orderBy(sql`rank`)
      .limit(page.limit)
      .offset(page.offset);
    rows = (await t(db)
      .selectFrom(top.as("top"))
      .innerJoin("catalog_items as ci", "ci.doc", "top.doc")
      .select(COLUMNS.map((c) => `ci.${c}` as const))
      .select(sql<number>`-top.rank`.as("score"))
      .orderBy("top.rank")
      .orderBy("ci.doc", "desc")
      .execute()) as unknown as ScoredItem[];
  } else {
    let q = matched(db, dialect, m)
      .select(COLUMNS.map((c) => `ci.${c}` as const))
      .select(score(dialect, m.words).as("score"));
    if (page.sort === "relevance" && m.words.length > 0) q = q.orderBy("score", "desc");
    q = q.orderBy("ci.published_at", "desc").orderBy("ci.doc", "desc");
    rows = (await q.limit(page.limit).offset(page.offset).execute()) as unknown as ScoredItem[];
  }
  return rows.map((r) => ({ ...r, score: r.score === null ? null : Number(r.score) }));
}

/**
 * The projection's generation: one counter row, incremented in the transaction of every write
 * below, so that any process holding a copy of the facets (facet-cache.ts) learns with one tiny
 * read that the catalog changed — the CLI's reindex, another server on the same PostgreSQL.
 */
async function bumpGeneration(db: AnyDb): Promise<void> {
  // once per transaction is enough (its writes become visible together); a reindex or a bulk
  // load of 100,000 upserts then updates the row once, not 100,000 times
  if (db.isTransaction) {
    if (bumped.has(db)) return;
    bumped.add(db);
  }
  await t(db)
    .updateTable("catalog_state")
    .set((eb) => ({ generation: eb("generation", "+", 1) }))
    .where("id", "=", 1)
    .execute();
}

const bumped = new WeakSet<AnyDb>();

export async function readGeneration(db: AnyDb): Promise<number> {
  const row = await t(db)
    .selectFrom("catalog_state")
    .select("generation")
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  return Number(row.generation);
}

/** Separators for facetColumns: control characters no facet value (codes, enums) contains. */
const NULL_MARK = "\u001e";
const SEPARATOR = "\u001f";

/**
 * Every item's doc and facet values, column by column, for the in-memory facet index: one row of
 * eight concatenated strings rather than 100,000 row objects (about a third of the time). All
 * aggregates of one query consume the same stream of rows, so position i is the same item in
 * every column, on both engines.
 */
export async function facetColumns(db: AnyDb, dialect: Dialect): Promise<FacetColumns> {
  const concat = (expr: ReturnType<typeof sql>, separator: string) =>
    dialect === "sqlite"
      ? sql<string | null>`group_concat(${expr}, ${separator})`
      : sql<string | null>`string_agg(${expr}, ${separator})`;
  const docExpr = dialect === "sqlite" ? sql`doc` : sql`doc::text`;
  const row = (await t(db)
    .selectFrom("catalog_items")
    .select([
      concat(docExpr, ",").as("doc"),
      ...FACET_NAMES.map((f) => concat(sql`coalesce(${sql.ref(FACETS[f])}, ${NULL_MARK})`, SEPARATOR).as(f)),
    ])
    .executeTakeFirst()) as Record<string, string | null> | undefined;
  const docs = parseIds(row?.doc ?? null);
  const columns = {} as FacetColumns["columns"];
  for (const f of FACET_NAMES) {
    const joined = row?.[f] ?? null;
    columns[f] = joined === null ? [] : joined.split(SEPARATOR).map((v) => (v === NULL_MARK ? null : v));
  }
  return { docs, columns };
}

/**
 * Doc ids of the items matching every word, from the full-text index alone (no item row is read).
 * They come back as one comma-separated string: a row per id would cost a JS object per match,
 * several times the engine's own work on a broad word (28,000 ids: 3.5 ms instead of 14 ms).
 */
export async function matchedDocs(db: AnyDb, dialect: Dialect, words: readonly string[]): Promise<number[]> {
  const row =
    dialect === "sqlite"
      ? await t(db)
          .selectFrom("catalog_fts")
          .select(sql<string | null>`group_concat(rowid, ',')`.as("docs"))
          .where(sql<boolean>`catalog_fts match ${ftsQuery(words)}`)
          .executeTakeFirst()
      : await t(db)
          .selectFrom("catalog_items")
          .select(sql<string | null>`string_agg(doc::text, ',')`.as("docs"))
          .where(sql<boolean>`search_vector @@ plainto_tsquery('simple', ${words.join(" ")})`)
          .executeTakeFirst();
  return parseIds(row?.docs ?? null);
}

/** "12,7,300" → [12, 7, 300], digit by digit (no substring per id). */
export function parseIds(list: string | null): number[] {
  const ids: number[] = [];
  if (!list) return ids;
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      ids.push(n);
      n = 0;
    } else n = n * 10 + (c - 48);
  }
  ids.push(n);
  return ids;
}

/** Registered items for the DCAT export, oldest first so pages are stable as items are added. */
export function listRegistered(db: AnyDb, offset: number, limit: number): Promise<CatalogItemRow[]> {
  return t(db)
    .selectFrom("catalog_items")
    .select(COLUMNS)
    .where("status", "=", "registered")
    .orderBy("doc")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countRegistered(db: AnyDb): Promise<number> {
  const row = await t(db)
    .selectFrom("catalog_items")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("status", "=", "registered")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
