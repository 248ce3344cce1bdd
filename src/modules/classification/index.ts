/** Classification and grading (分类分级, PR-1): the circulation rules every flow asks. */

export { DEFAULT_RULES, type DefaultRule } from "./classification.defaults.js";
export { classificationMigrations } from "./classification.migrations.js";
export * from "./classification.model.js";
export { classificationRoutes } from "./classification.routes.js";
export {
  type CirculationDecision,
  type CirculationRule,
  decideCirculation,
  getRule,
  listRules,
  type RuleChange,
  ruleHistory,
  updateRule,
} from "./rules.service.js";
