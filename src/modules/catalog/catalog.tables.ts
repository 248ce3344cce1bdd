import type { Generated, Selectable } from "kysely";
import type { CatalogStatus } from "./catalog.model.js";

/**
 * One row per registration in the public registry, copied from the registration and its holder
 * at the moment of each registry event (a projection: the registration module stays the source of
 * truth, `yaosu catalog reindex` rebuilds this table from it). Times ISO-8601 UTC text, lists JSON
 * text, flags 0/1. `title_tokens` and `body_tokens` are the jieba words, space-joined.
 */
export interface CatalogItemTable {
  /** integer key the full-text index refers to (SQLite: the rowid) */
  doc: Generated<number>;
  registration_id: string;
  registration_number: string | null;
  status: CatalogStatus;
  name: string;
  description: string | null;
  holder_participant_id: string;
  /** null for individuals: their names are personal information and not shown (PR-8) */
  holder_name: string | null;
  holder_type: string;
  region: string | null;
  origin_class: string;
  grade: string;
  sensitive_personal: number;
  industry: string | null;
  format: string | null;
  update_frequency: string | null;
  keywords: string;
  spatial_coverage: string | null;
  time_from: string | null;
  time_to: string | null;
  source_unit: string | null;
  catalog_code: string | null;
  volume_rows: number | null;
  /** when the item entered the public registry (start of its public notice) */
  published_at: string;
  notice_ends_at: string | null;
  registered_at: string | null;
  cancel_reason: string | null;
  updated_at: string;
  title_tokens: string;
  body_tokens: string;
}

/** What the projection writes (the key is assigned by the database). */
export type CatalogItem = Omit<CatalogItemTable, "doc">;
export type CatalogItemRow = Selectable<CatalogItemTable>;

/**
 * SQLite only: the FTS5 index over catalog_items (external content, rowid = doc). Declared so
 * that Kysely can join it; PostgreSQL has a generated tsvector column instead.
 */
export interface CatalogFtsTable {
  rowid: number;
  catalog_fts: string;
}

/** One row (id 1): the projection's generation, bumped by every write (see catalog.repo.ts). */
export interface CatalogStateTable {
  id: number;
  generation: number;
}

export interface CatalogTables {
  catalog_items: CatalogItemTable;
  catalog_fts: CatalogFtsTable;
  catalog_state: CatalogStateTable;
}
