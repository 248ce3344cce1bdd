import { sql } from "kysely";
import { binaryType, type ModuleMigration } from "../../kernel/db/migrations.js";

export const evidenceMigrations: ModuleMigration[] = [
  {
    name: "20261124_20_evidence_log",
    async up(db, dialect) {
      const bytes = binaryType(dialect);
      // On SQLite an INTEGER PRIMARY KEY is the row id itself (no second index), and WITHOUT ROWID
      // stores composite-key tables once, in key order: both halve the work of every append.
      const counter = dialect === "sqlite" ? "integer" : "bigint";
      const compact = dialect === "sqlite" ? sql`without rowid` : sql``;
      await db.schema
        .createTable("evidence_entries")
        .addColumn("idx", counter, (c) => c.primaryKey())
        .addColumn("event_id", "text", (c) => c.notNull().unique())
        .addColumn("entry", bytes, (c) => c.notNull())
        .addColumn("leaf_hash", bytes, (c) => c.notNull())
        .addColumn("sequenced_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("evidence_entries_leaf_hash")
        .on("evidence_entries")
        .column("leaf_hash")
        .execute();
      await db.schema
        .createTable("evidence_nodes")
        .addColumn("level", "integer", (c) => c.notNull())
        .addColumn("idx", "bigint", (c) => c.notNull())
        .addColumn("hash", bytes, (c) => c.notNull())
        .addPrimaryKeyConstraint("evidence_nodes_pk", ["level", "idx"])
        .modifyEnd(compact)
        .execute();
      await db.schema
        .createTable("evidence_subjects")
        .addColumn("subject_id", "text", (c) => c.notNull())
        .addColumn("idx", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("evidence_subjects_pk", ["subject_id", "idx"])
        .modifyEnd(compact)
        .execute();
      await db.schema
        .createTable("evidence_checkpoints")
        .addColumn("size", counter, (c) => c.primaryKey())
        .addColumn("root_hash", bytes, (c) => c.notNull())
        .addColumn("note", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("evidence_state")
        .addColumn("id", "integer", (c) => c.primaryKey())
        .addColumn("size", "bigint", (c) => c.notNull())
        .addColumn("cursor_tx", "bigint", (c) => c.notNull())
        .addColumn("cursor_seq", "bigint", (c) => c.notNull())
        .execute();
      await db.insertInto("evidence_state").values({ id: 1, size: 0, cursor_tx: 0, cursor_seq: 0 }).execute();
      await db.schema
        .createTable("evidence_log_keys")
        .addColumn("origin", "text", (c) => c.primaryKey())
        .addColumn("signer_key_sealed", "text", (c) => c.notNull())
        .addColumn("verifier_key", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
    },
  },
];
