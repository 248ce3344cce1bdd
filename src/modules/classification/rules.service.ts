import type { AnyDb } from "../../kernel/db/database.js";
import { AppError, badRequest, conflict, notFound } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import {
  CIRCULATION_MODES,
  type CirculationMode,
  type Condition,
  type Decision,
  firstBrokenInvariant,
  type Grade,
  type ModeRule,
  type ModeRules,
  type OriginClass,
  type Protection,
  RULE_CHANGED_EVENT,
  type RuleKey,
  ruleKeyIsValid,
  ruleSubjectId,
} from "./classification.model.js";
import type { CirculationRuleRow } from "./classification.tables.js";
import { findRule, insertRuleVersion, listRuleRows, listRuleVersions, replaceRule } from "./rules.repo.js";

/**
 * The circulation rules (PR-1, CT-2, CT-8): every later flow asks `decideCirculation` whether a
 * mode is allowed for a resource's class, grade and sensitivity, and what it must satisfy. The
 * regulator edits the rules (`updateRule`), with a reason, versioned and evidenced; the hard
 * invariants of classification.model.ts (core data never leaves its node, …) cannot be edited away.
 */
export interface CirculationRule extends RuleKey {
  modes: ModeRules;
  version: number;
  reason: string;
  updatedBy: Actor;
  updatedAt: string;
}

export interface CirculationDecision {
  decision: Decision;
  conditions: Condition[];
  protections: Protection[];
  /** the version of the rule that decided, to be recorded with the flow it allowed */
  ruleVersion: number;
}

export const toRule = (row: CirculationRuleRow): CirculationRule => ({
  originClass: row.origin_class,
  grade: row.grade,
  sensitivePersonal: Number(row.sensitive_personal) === 1,
  modes: JSON.parse(row.modes) as ModeRules,
  version: Number(row.version),
  reason: row.reason,
  updatedBy: JSON.parse(row.updated_by) as Actor,
  updatedAt: row.updated_at,
});

function checkKey(key: RuleKey): void {
  if (!ruleKeyIsValid(key)) {
    throw badRequest(
      "sensitive_requires_personal_class",
      "only personal data carries the sensitive-personal-information flag: classify data containing sensitive personal information as personal",
      "sensitive",
    );
  }
}

export async function getRule(db: AnyDb, key: RuleKey): Promise<CirculationRule> {
  checkKey(key);
  const row = await findRule(db, key);
  if (!row) throw notFound("rule_not_found", `no circulation rule for ${ruleSubjectId(key)}`);
  return toRule(row);
}

const CLASS_ORDER = ["public", "enterprise", "personal"];
const GRADE_ORDER = ["core", "important", "general"];

/** Every rule, in class, grade, sensitivity order. */
export async function listRules(db: AnyDb): Promise<CirculationRule[]> {
  const rules = (await listRuleRows(db)).map(toRule);
  const rank = (r: RuleKey) =>
    CLASS_ORDER.indexOf(r.originClass) * 100 +
    GRADE_ORDER.indexOf(r.grade) * 10 +
    (r.sensitivePersonal ? 1 : 0);
  return rules.sort((a, b) => rank(a) - rank(b));
}

export async function ruleHistory(db: AnyDb, key: RuleKey): Promise<CirculationRule[]> {
  checkKey(key);
  return (await listRuleVersions(db, key)).map(toRule);
}

/** The question every flow asks: may data of this class, grade and sensitivity circulate this way? */
export async function decideCirculation(
  db: AnyDb,
  query: { originClass: OriginClass; grade: Grade; sensitivePersonal: boolean; mode: CirculationMode },
): Promise<CirculationDecision> {
  const rule = await getRule(db, query);
  const mode = rule.modes[query.mode];
  return {
    decision: mode.decision,
    conditions: mode.conditions,
    protections: mode.protections,
    ruleVersion: rule.version,
  };
}

export interface RuleChange {
  /** the modes to replace, each entirely; modes not named keep their current rule */
  modes: Partial<Record<CirculationMode, ModeRule>>;
  /** when given, the change applies only if the rule is still at this version */
  expectedVersion?: number | undefined;
}

const sameRule = (a: ModeRules, b: ModeRules) =>
  CIRCULATION_MODES.every((mode) => JSON.stringify(a[mode]) === JSON.stringify(b[mode]));

const normalise = (rule: ModeRule): ModeRule => ({
  decision: rule.decision,
  conditions: [...new Set(rule.conditions)],
  protections: [...new Set(rule.protections)],
});

/**
 * Changes one rule. The caller's authority is checked at the edge (regulator admins and
 * reviewers); here: a reason is required, the hard invariants hold, the change is guarded by the
 * version, and the new version, its history row and the `classification.rule_changed` event
 * (actor, reason, before and after) are written in one transaction.
 */
export async function updateRule(
  k: Kernel,
  actor: Actor,
  key: RuleKey,
  change: RuleChange,
  reason: string,
): Promise<CirculationRule> {
  checkKey(key);
  const why = reason?.trim();
  if (!why) throw badRequest("reason_required", "a reason is required", "reason");
  const named = CIRCULATION_MODES.filter((mode) => change.modes[mode]);
  if (named.length === 0) throw badRequest("no_modes", "name at least one mode to change", "modes");

  return k.transaction(async (trx) => {
    const before = await getRule(trx, key);
    if (change.expectedVersion !== undefined && change.expectedVersion !== before.version) {
      throw conflict(
        "version_conflict",
        `the rule is at version ${before.version}, not ${change.expectedVersion}`,
        "expectedVersion",
      );
    }
    const after: ModeRules = { ...before.modes };
    for (const mode of named) after[mode] = normalise(change.modes[mode] as ModeRule);
    const broken = firstBrokenInvariant(key, after);
    if (broken) {
      throw new AppError(409, broken.invariant.code, broken.invariant.message, `modes.${broken.mode}`, {
        source: broken.invariant.source,
      });
    }
    if (sameRule(before.modes, after)) throw conflict("no_change", "the rule already says this", "modes");

    const row: CirculationRuleRow = {
      origin_class: key.originClass,
      grade: key.grade,
      sensitive_personal: key.sensitivePersonal ? 1 : 0,
      modes: JSON.stringify(after),
      version: before.version + 1,
      reason: why,
      updated_by: JSON.stringify(actor),
      updated_at: k.clock.now().toISOString(),
    };
    if (!(await replaceRule(trx, before.version, row))) {
      throw conflict(
        "version_conflict",
        "the rule changed meanwhile; reload and try again",
        "expectedVersion",
      );
    }
    await insertRuleVersion(trx, row);
    await k.outbox.emit(trx, {
      type: RULE_CHANGED_EVENT,
      subjectIds: [ruleSubjectId(key)],
      actor,
      payload: {
        originClass: key.originClass,
        grade: key.grade,
        sensitivePersonal: key.sensitivePersonal,
        fromVersion: before.version,
        toVersion: row.version,
        reason: why,
        before: before.modes,
        after,
      },
    });
    return toRule(row);
  });
}
