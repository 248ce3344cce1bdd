import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { RuleKey } from "./classification.model.js";
import type { CirculationRuleRow, ClassificationTables } from "./classification.tables.js";

const t = (db: AnyDb) => typed<ClassificationTables>(db);

const flag = (key: RuleKey) => (key.sensitivePersonal ? 1 : 0);

export function findRule(db: AnyDb, key: RuleKey): Promise<CirculationRuleRow | undefined> {
  return t(db)
    .selectFrom("circulation_rules")
    .selectAll()
    .where("origin_class", "=", key.originClass)
    .where("grade", "=", key.grade)
    .where("sensitive_personal", "=", flag(key))
    .executeTakeFirst();
}

export function listRuleRows(db: AnyDb): Promise<CirculationRuleRow[]> {
  return t(db).selectFrom("circulation_rules").selectAll().execute();
}

export function listRuleVersions(db: AnyDb, key: RuleKey): Promise<CirculationRuleRow[]> {
  return t(db)
    .selectFrom("circulation_rule_versions")
    .selectAll()
    .where("origin_class", "=", key.originClass)
    .where("grade", "=", key.grade)
    .where("sensitive_personal", "=", flag(key))
    .orderBy("version")
    .execute();
}

/**
 * Replaces a rule only if it is still at `fromVersion`: the WHERE clause is the guard, so two
 * regulators editing at once cannot both win (the loser gets a version conflict).
 */
export async function replaceRule(db: AnyDb, fromVersion: number, row: CirculationRuleRow): Promise<boolean> {
  const result = await t(db)
    .updateTable("circulation_rules")
    .set({
      modes: row.modes,
      version: row.version,
      reason: row.reason,
      updated_by: row.updated_by,
      updated_at: row.updated_at,
    })
    .where("origin_class", "=", row.origin_class)
    .where("grade", "=", row.grade)
    .where("sensitive_personal", "=", row.sensitive_personal)
    .where("version", "=", fromVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertRuleVersion(db: AnyDb, row: CirculationRuleRow): Promise<void> {
  await t(db).insertInto("circulation_rule_versions").values(row).execute();
}
