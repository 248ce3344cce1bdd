import { sql } from "kysely";
import { type ModuleMigration, serialType } from "../../kernel/db/migrations.js";
import { BODY_WEIGHT, TITLE_WEIGHT } from "./catalog.model.js";

const nullableText = [
  "registration_number",
  "description",
  "holder_name",
  "region",
  "industry",
  "format",
  "update_frequency",
  "spatial_coverage",
  "time_from",
  "time_to",
  "source_unit",
  "catalog_code",
  "notice_ends_at",
  "registered_at",
  "cancel_reason",
] as const;

/**
 * The catalog projection. Full text differs by engine (decision 0016):
 * - SQLite: an FTS5 table with external content (the text lives once, in catalog_items), kept in
 *   step by triggers, tokenizer unicode61 over the pre-segmented words;
 * - PostgreSQL: a generated tsvector column (`simple` configuration: no stemming, no stop words —
 *   the words are already cut) with the name weighted A and the rest B, under a GIN index.
 * Writes are the same Kysely statements on both; only the search predicate and rank differ.
 */
export const catalogMigrations: ModuleMigration[] = [
  {
    name: "20261203_50_catalog_items",
    async up(db, dialect) {
      let items = db.schema
        .createTable("catalog_items")
        .addColumn("doc", serialType(dialect), (c) => c.primaryKey())
        .addColumn("registration_id", "text", (c) => c.notNull().unique())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("holder_participant_id", "text", (c) => c.notNull())
        .addColumn("holder_type", "text", (c) => c.notNull())
        .addColumn("origin_class", "text", (c) => c.notNull())
        .addColumn("grade", "text", (c) => c.notNull())
        .addColumn("sensitive_personal", "integer", (c) => c.notNull())
        .addColumn("keywords", "text", (c) => c.notNull())
        .addColumn("volume_rows", "bigint")
        .addColumn("published_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("title_tokens", "text", (c) => c.notNull())
        .addColumn("body_tokens", "text", (c) => c.notNull());
      for (const column of nullableText) items = items.addColumn(column, "text");
      if (dialect === "postgres")
        items = items.addColumn("search_vector", sql`tsvector`, (c) =>
          c
            .generatedAlwaysAs(
              sql`setweight(to_tsvector('simple'::regconfig, title_tokens), 'A') || setweight(to_tsvector('simple'::regconfig, body_tokens), 'B')`,
            )
            .stored(),
        );
      await items.execute();
      await db.schema
        .createIndex("catalog_items_newest_idx")
        .on("catalog_items")
        .columns(["published_at", "doc"])
        .execute();
      await db.schema
        .createIndex("catalog_items_holder_idx")
        .on("catalog_items")
        .column("holder_participant_id")
        .execute();
      // facet counts without words read this instead of the wide rows
      await db.schema
        .createIndex("catalog_items_facets_idx")
        .on("catalog_items")
        .columns(["status", "origin_class", "grade", "industry", "region", "holder_type", "format"])
        .execute();

      if (dialect === "postgres") {
        await sql`create index catalog_items_search_idx on catalog_items using gin (search_vector)`.execute(
          db,
        );
        return;
      }
      await sql`create virtual table catalog_fts using fts5(
        title_tokens, body_tokens,
        content = 'catalog_items', content_rowid = 'doc',
        tokenize = 'unicode61 remove_diacritics 2'
      )`.execute(db);
      // `rank` is weighted bm25 (name before body), so plain ORDER BY rank ranks like the API says
      await sql`insert into catalog_fts(catalog_fts, rank) values ('rank', ${sql.lit(`bm25(${TITLE_WEIGHT}.0, ${BODY_WEIGHT}.0)`)})`.execute(
        db,
      );
      await sql`create trigger catalog_items_fts_insert after insert on catalog_items begin
        insert into catalog_fts(rowid, title_tokens, body_tokens)
          values (new.doc, new.title_tokens, new.body_tokens);
      end`.execute(db);
      await sql`create trigger catalog_items_fts_delete after delete on catalog_items begin
        insert into catalog_fts(catalog_fts, rowid, title_tokens, body_tokens)
          values ('delete', old.doc, old.title_tokens, old.body_tokens);
      end`.execute(db);
      await sql`create trigger catalog_items_fts_update after update of title_tokens, body_tokens on catalog_items begin
        insert into catalog_fts(catalog_fts, rowid, title_tokens, body_tokens)
          values ('delete', old.doc, old.title_tokens, old.body_tokens);
        insert into catalog_fts(rowid, title_tokens, body_tokens)
          values (new.doc, new.title_tokens, new.body_tokens);
      end`.execute(db);
    },
  },
  {
    // the generation counter the in-memory facet index checks before each search (decision 0016)
    name: "20261211_50_catalog_state",
    async up(db) {
      await db.schema
        .createTable("catalog_state")
        .addColumn("id", "integer", (c) => c.primaryKey())
        .addColumn("generation", "bigint", (c) => c.notNull())
        .execute();
      await db.insertInto("catalog_state").values({ id: 1, generation: 0 }).execute();
    },
  },
];
