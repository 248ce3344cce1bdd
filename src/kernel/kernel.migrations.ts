import { sql } from "kysely";
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
  {
    // On PostgreSQL, concurrent transactions can commit out of `seq` order, so a reader that
    // follows `seq` alone could step past an event that commits later. Each event records its
    // transaction id; consumers read only events of transactions older than every transaction
    // still running (pg_snapshot_xmin), in (tx_id, seq) order. SQLite serialises writers, so
    // there `seq` order is commit order and tx_id stays null.
    name: "20261124_03_kernel_outbox_tx_id",
    async up(db, dialect) {
      if (dialect === "postgres") {
        await db.schema
          .alterTable("outbox_events")
          .addColumn("tx_id", "bigint", (c) =>
            c.notNull().defaultTo(sql`(pg_current_xact_id()::text::bigint)`),
          )
          .execute();
        await db.schema
          .createIndex("outbox_events_tx_seq")
          .on("outbox_events")
          .columns(["tx_id", "seq"])
          .execute();
      } else {
        await db.schema.alterTable("outbox_events").addColumn("tx_id", "bigint").execute();
      }
    },
  },
];
