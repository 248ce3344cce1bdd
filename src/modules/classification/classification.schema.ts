import { z } from "zod";
import { text } from "../../kernel/http/text.js";
import {
  CIRCULATION_MODES,
  CONDITIONS,
  DECISIONS,
  GRADES,
  ORIGIN_CLASSES,
  PROTECTIONS,
} from "./classification.model.js";

/** Edge schemas of the classification API (zod → OpenAPI). */

const modeRule = z.strictObject({
  decision: z.enum(DECISIONS),
  conditions: z.array(z.enum(CONDITIONS)).max(CONDITIONS.length),
  protections: z.array(z.enum(PROTECTIONS)).max(PROTECTIONS.length),
});
const modeRuleSchema = modeRule.meta({ id: "CirculationModeRule" });

/** "true" or "false" in a query string (z.coerce.boolean would read "false" as true). */
const sensitiveFlag = z
  .enum(["true", "false"])
  .default("false")
  .describe("the resource carries sensitive personal information (personal data only)");

export const ruleParams = z.strictObject({
  originClass: z.enum(ORIGIN_CLASSES),
  grade: z.enum(GRADES),
});
export const sensitiveQuery = z.strictObject({ sensitive: sensitiveFlag });

export const decideQuery = z.strictObject({
  originClass: z.enum(ORIGIN_CLASSES),
  grade: z.enum(GRADES),
  sensitive: sensitiveFlag,
  mode: z.enum(CIRCULATION_MODES),
});

export const ruleChangeBody = z.strictObject({
  modes: z.strictObject(
    Object.fromEntries(CIRCULATION_MODES.map((mode) => [mode, modeRule.optional()])) as Record<
      (typeof CIRCULATION_MODES)[number],
      z.ZodOptional<typeof modeRule>
    >,
  ),
  reason: text(1, 2000),
  expectedVersion: z.number().int().min(1).optional(),
});

export const ruleSchema = z
  .object({
    originClass: z.enum(ORIGIN_CLASSES),
    grade: z.enum(GRADES),
    sensitivePersonal: z.boolean(),
    modes: z.object(
      Object.fromEntries(CIRCULATION_MODES.map((mode) => [mode, modeRuleSchema])) as Record<
        (typeof CIRCULATION_MODES)[number],
        typeof modeRuleSchema
      >,
    ),
    version: z.number().int(),
    reason: z.string(),
    updatedBy: z.object({ participantId: z.string().optional(), system: z.string().optional() }),
    updatedAt: z.string(),
  })
  .meta({ id: "CirculationRule" });

export const decisionSchema = z
  .object({
    decision: z.enum(DECISIONS),
    conditions: z.array(z.enum(CONDITIONS)),
    protections: z.array(z.enum(PROTECTIONS)),
    ruleVersion: z.number().int(),
  })
  .meta({ id: "CirculationDecision" });
