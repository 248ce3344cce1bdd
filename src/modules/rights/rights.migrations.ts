import type { ModuleMigration } from "../../kernel/db/migrations.js";

/**
 * The rights module's tables. `rights` began life in the registration module's migration: on a
 * database created then, the table (and its indexes) already exist, hence `ifNotExists`. No foreign
 * keys to other modules' tables — registrations and participants are referred to by id.
 */
export const rightsMigrations: ModuleMigration[] = [
  {
    name: "20261202_10_rights_records",
    async up(db) {
      await db.schema
        .createTable("rights")
        .ifNotExists()
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("holder_participant_id", "text", (c) => c.notNull())
        .addColumn("resource_registration_id", "text", (c) => c.notNull())
        .addColumn("basis", "text", (c) => c.notNull())
        .addColumn("scope", "text", (c) => c.notNull())
        .addColumn("term_start", "text", (c) => c.notNull())
        .addColumn("term_end", "text")
        .addColumn("parent_right_id", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("rights_resource_idx")
        .ifNotExists()
        .on("rights")
        .columns(["resource_registration_id", "id"])
        .execute();
      await db.schema
        .createIndex("rights_holder_idx")
        .ifNotExists()
        .on("rights")
        .columns(["holder_participant_id", "id"])
        .execute();
    },
  },
  {
    name: "20261202_11_rights_contracts",
    async up(db) {
      let table = db.schema
        .createTable("rights_contracts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("price_fen", "bigint")
        .addColumn("source_right_id", "text", (c) => c.notNull().references("rights.id"));
      for (const column of [
        "kind",
        "status",
        "proposer_participant_id",
        "counterparty_participant_id",
        "resource_registration_id",
        "right_kind",
        "scope",
        "term_start",
        "document",
        "document_sha256",
        "proposer_public_jwk",
        "proposer_signature",
        "created_at",
        "updated_at",
      ])
        table = table.addColumn(column, "text", (c) => c.notNull());
      for (const column of [
        "term_end",
        "counterparty_public_jwk",
        "counterparty_signature",
        "resulting_right_id",
        "reason",
        "decided_at",
      ])
        table = table.addColumn(column, "text");
      await table.execute();
      for (const column of ["proposer_participant_id", "counterparty_participant_id", "source_right_id"])
        await db.schema
          .createIndex(`rights_contracts_${column.replace(/_participant_id|_id$/, "")}_idx`)
          .on("rights_contracts")
          .columns([column, "id"])
          .execute();
    },
  },
];
