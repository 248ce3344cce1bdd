import type { ModuleMigration } from "../../kernel/db/migrations.js";
import { DEFAULT_RULES } from "./classification.defaults.js";
import type { CirculationRuleRow } from "./classification.tables.js";

export const classificationMigrations: ModuleMigration[] = [
  {
    name: "20261124_30_classification_rules",
    async up(db) {
      for (const table of ["circulation_rules", "circulation_rule_versions"] as const) {
        let create = db.schema
          .createTable(table)
          .addColumn("origin_class", "text", (c) => c.notNull())
          .addColumn("grade", "text", (c) => c.notNull())
          .addColumn("sensitive_personal", "integer", (c) => c.notNull())
          .addColumn("modes", "text", (c) => c.notNull())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("reason", "text", (c) => c.notNull())
          .addColumn("updated_by", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull());
        create =
          table === "circulation_rules"
            ? create.addPrimaryKeyConstraint(`${table}_pk`, ["origin_class", "grade", "sensitive_personal"])
            : create.addPrimaryKeyConstraint(`${table}_pk`, [
                "origin_class",
                "grade",
                "sensitive_personal",
                "version",
              ]);
        await create.execute();
      }

      // Seeded once from the defaults; afterwards only the regulator changes them (rules.service.ts).
      // Migrations have no kernel clock: the seeding time is the wall clock of the first start.
      const at = new Date().toISOString();
      const rows: CirculationRuleRow[] = DEFAULT_RULES.map((rule) => ({
        origin_class: rule.originClass,
        grade: rule.grade,
        sensitive_personal: rule.sensitivePersonal ? 1 : 0,
        modes: JSON.stringify(rule.modes),
        version: 1,
        reason: "default rules (PR-1, PR-6, PR-8, CT-8)",
        updated_by: JSON.stringify({ system: "migration" }),
        updated_at: at,
      }));
      await db.insertInto("circulation_rules").values(rows).execute();
      await db.insertInto("circulation_rule_versions").values(rows).execute();
    },
  },
];
