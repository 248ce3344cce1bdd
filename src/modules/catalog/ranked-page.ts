import { sql } from "kysely";
import { type AnyDb, typed } from "../../kernel/db/database.js";
import { COLUMNS, type Filters, ftsQuery, parseIds, type ScoredItem } from "./catalog.repo.js";
import type { CatalogTables } from "./catalog.tables.js";
import type { FacetIndex } from "./facet-index.js";

/**
 * A ranked page with facet filters, on SQLite (PR-3 search; decision 0016). Filtering in SQL
 * makes SQLite read the whole catalog row of every match to test the filter; instead FTS5 ranks
 * the matches alone and hands back their doc ids best first as one string, the in-memory facet
 * index filters them, and only the page's rows are read. Ties go to the newer doc, as unfiltered.
 */
export async function rankedFilteredPage(
  db: AnyDb,
  index: FacetIndex,
  words: readonly string[],
  filters: Filters,
  page: { limit: number; offset: number },
): Promise<ScoredItem[]> {
  const t = typed<CatalogTables>(db);
  const query = ftsQuery(words);
  const ranked = await t
    .selectFrom(
      t
        .selectFrom("catalog_fts")
        .select("catalog_fts.rowid as doc")
        .where(sql<boolean>`catalog_fts match ${query}`)
        .orderBy(sql`rank`)
        .orderBy("catalog_fts.rowid", "desc")
        .as("m"),
    )
    .select(sql<string | null>`group_concat(m.doc, ',')`.as("docs"))
    .executeTakeFirst();
  const docs = index.page(parseIds(ranked?.docs ?? null), filters, page.offset, page.limit);
  if (docs.length === 0) return [];
  const rows = await t.selectFrom("catalog_items").select(COLUMNS).where("doc", "in", docs).execute();
  // the page's scores: bm25 of the page's docs only (a rowid lookup each in the full-text index)
  const ranks = await t
    .selectFrom("catalog_fts")
    .select(["catalog_fts.rowid as doc", sql<number>`rank`.as("rank")])
    .where(sql<boolean>`catalog_fts match ${query}`)
    .where("catalog_fts.rowid", "in", docs)
    .execute();
  const byDoc = new Map(rows.map((r) => [Number(r.doc), r]));
  const score = new Map(ranks.map((r) => [Number(r.doc), -Number(r.rank)]));
  return docs.flatMap((doc) => {
    const row = byDoc.get(doc);
    return row ? [{ ...row, score: score.get(doc) ?? null }] : [];
  });
}
