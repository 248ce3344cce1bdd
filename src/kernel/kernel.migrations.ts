import type { ModuleMigration } from "./db/migrations.js";
import { serialType } from "./db/migrations.js";

export const kernelMigrations: ModuleMigration[] = [
  {
    name: "20261124_01_kernel_outbox",
    async up(db, dialect) {
      await db.schema
        .createTable("outbox_events")
        .addColumn("seq", serialType(dialect), (c) =>
          dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn("id", "text", (c) => c.notNull().unique())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("subject_ids", "text", (c) => c.notNull())
        .addColumn("actor", "text")
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("occurred_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("outbox_events_type").on("outbox_events").column("type").execute();
    },
  },
  {
    name: "20261124_02_kernel_idempotency",
    async up(db) {
      await db.schema
        .createTable("idempotency_keys")
        .addColumn("scope", "text", (c) => c.notNull())
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("request_hash", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("status_code", "integer")
        .addColumn("content_type", "text")
        .addColumn("response_body", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("idempotency_keys_pk", ["scope", "key"])
        .execute();
    },
  },
];
