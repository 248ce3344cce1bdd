import type { Grade, OriginClass } from "./classification.model.js";

/**
 * Rows as stored. `modes` is JSON text (mode → { decision, conditions, protections }) so SQLite and
 * PostgreSQL store it the same way; `sensitive_personal` is 0/1; `updated_by` is the actor as JSON
 * (ids only, never names).
 */
export interface CirculationRuleRow {
  origin_class: OriginClass;
  grade: Grade;
  sensitive_personal: number;
  modes: string;
  version: number;
  reason: string;
  updated_by: string;
  updated_at: string;
}

/** Every version a rule ever had, the current one included: rules are traceable (CT-7). */
export type CirculationRuleVersionRow = CirculationRuleRow;

export interface ClassificationTables {
  circulation_rules: CirculationRuleRow;
  circulation_rule_versions: CirculationRuleVersionRow;
}
