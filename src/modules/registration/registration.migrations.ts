import type { ModuleMigration } from "../../kernel/db/migrations.js";

const nullableText = [
  "registration_number",
  "description",
  "source_unit",
  "catalog_code",
  "legal_basis",
  "legal_basis_note",
  "collection_method",
  "dataset_id",
  "format",
  "update_frequency",
  "time_from",
  "time_to",
  "spatial_coverage",
  "industry",
  "review_reason",
  "reviewed_by",
  "notice_starts_at",
  "notice_ends_at",
  "decided_at",
  "cancel_reason",
] as const;

export const registrationMigrations: ModuleMigration[] = [
  {
    name: "20261201_40_registration",
    async up(db) {
      let registrations = db.schema
        .createTable("registrations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("holder_participant_id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("fields", "text", (c) => c.notNull())
        .addColumn("volume_rows", "bigint")
        .addColumn("volume_bytes", "bigint")
        .addColumn("origin_class", "text", (c) => c.notNull())
        .addColumn("grade", "text", (c) => c.notNull())
        .addColumn("sensitive_personal", "integer", (c) => c.notNull())
        .addColumn("keywords", "text", (c) => c.notNull())
        .addColumn("quality", "text", (c) => c.notNull())
        .addColumn("contact", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull());
      for (const column of nullableText) registrations = registrations.addColumn(column, "text");
      await registrations.execute();
      await db.schema
        .createIndex("registrations_number_uq")
        .on("registrations")
        .column("registration_number")
        .unique()
        .execute();
      await db.schema
        .createIndex("registrations_status_idx")
        .on("registrations")
        .columns(["status", "id"])
        .execute();
      await db.schema
        .createIndex("registrations_holder_idx")
        .on("registrations")
        .columns(["holder_participant_id", "id"])
        .execute();

      await db.schema
        .createTable("registration_objections")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("registration_id", "text", (c) => c.notNull().references("registrations.id"))
        .addColumn("objector_participant_id", "text", (c) => c.notNull())
        .addColumn("reasons", "text", (c) => c.notNull())
        .addColumn("evidence", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("decision_reason", "text")
        .addColumn("decided_by", "text")
        .addColumn("decided_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("registration_objections_reg_idx")
        .on("registration_objections")
        .columns(["registration_id", "id"])
        .execute();

      await db.schema
        .createTable("registration_sequences")
        .addColumn("year", "integer", (c) => c.primaryKey())
        .addColumn("last", "integer", (c) => c.notNull())
        .execute();
    },
  },
  {
    name: "20261206_40_registration_changes",
    async up(db) {
      // Change registrations (变更登记) are registrations of kind `change` amending another one.
      // One column per ALTER: SQLite adds one at a time.
      const registrations = () => db.schema.alterTable("registrations");
      await registrations()
        .addColumn("kind", "text", (c) => c.notNull().defaultTo("initial"))
        .execute();
      await registrations().addColumn("amends_registration_id", "text").execute();
      await registrations().addColumn("change_reason", "text").execute();
      await registrations()
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex("registrations_amends_idx")
        .on("registrations")
        .columns(["amends_registration_id", "id"])
        .execute();
    },
  },
  {
    name: "20261207_40_registration_reclassification",
    async up(db) {
      await db.schema.alterTable("registrations").addColumn("reclassification_reason", "text").execute();
      await db.schema.alterTable("registrations").addColumn("reclassified_by", "text").execute();
    },
  },
];
