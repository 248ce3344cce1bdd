import type { ModuleMigration } from "../../kernel/db/migrations.js";

const nullableText = [
  "dimension",
  "response",
  "response_text",
  "responded_at",
  "escalated_at",
  "decision",
  "decision_reason",
  "decided_by",
  "closed_at",
] as const;

export const qualityMigrations: ModuleMigration[] = [
  {
    name: "20261210_61_quality_feedback",
    async up(db) {
      let table = db.schema
        .createTable("quality_feedback")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("registration_id", "text", (c) => c.notNull())
        .addColumn("holder_participant_id", "text", (c) => c.notNull())
        .addColumn("filer_participant_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("evidence", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("response_deadline_at", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull());
      for (const column of nullableText) table = table.addColumn(column, "text");
      await table.execute();
      for (const [name, columns] of [
        ["quality_feedback_registration_idx", ["registration_id", "status"]],
        ["quality_feedback_holder_idx", ["holder_participant_id", "id"]],
        ["quality_feedback_filer_idx", ["filer_participant_id", "id"]],
        ["quality_feedback_deadline_idx", ["status", "response_deadline_at"]],
      ] as const)
        await db.schema
          .createIndex(name)
          .on("quality_feedback")
          .columns([...columns])
          .execute();
    },
  },
];
