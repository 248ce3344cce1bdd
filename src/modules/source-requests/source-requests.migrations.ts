import type { ModuleMigration } from "../../kernel/db/migrations.js";

const nullableText = [
  "identifier_sealed",
  "note",
  "refusal_reason",
  "answered_by",
  "answered_at",
  "copy_format",
  "copy_sha256",
  "copy_sealed",
] as const;

export const sourceRequestMigrations: ModuleMigration[] = [
  {
    name: "20261210_60_source_requests",
    async up(db) {
      let table = db.schema
        .createTable("source_requests")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("registration_id", "text", (c) => c.notNull())
        .addColumn("holder_participant_id", "text", (c) => c.notNull())
        .addColumn("requester_participant_id", "text", (c) => c.notNull())
        .addColumn("identifier_kind", "text", (c) => c.notNull())
        .addColumn("identifier_hash", "text", (c) => c.notNull())
        .addColumn("identifier_masked", "text", (c) => c.notNull())
        .addColumn("identifier_verified", "integer", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("deadline_at", "text", (c) => c.notNull())
        .addColumn("copy_rows", "bigint")
        .addColumn("copy_bytes", "bigint")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull());
      for (const column of nullableText) table = table.addColumn(column, "text");
      await table.execute();
      for (const [name, columns] of [
        ["source_requests_holder_idx", ["holder_participant_id", "id"]],
        ["source_requests_requester_idx", ["requester_participant_id", "id"]],
        ["source_requests_deadline_idx", ["status", "deadline_at"]],
      ] as const)
        await db.schema
          .createIndex(name)
          .on("source_requests")
          .columns([...columns])
          .execute();
    },
  },
];
