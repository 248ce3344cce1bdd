import { z } from "zod";
import { line, text } from "../../kernel/http/text.js";
import {
  DECISIONS,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  QUALITY_DIMENSIONS,
  RESPONSES,
} from "./quality.model.js";

/** Edge schemas of the quality-loop API (zod → OpenAPI). */

const idOf = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`), `must be an id starting with ${prefix}_`);

export const feedbackParams = z.strictObject({ id: idOf("qfb") });

const common = {
  registrationId: idOf("reg").describe("the registered resource the feedback is about"),
  text: text(1, 5000),
  evidence: z.array(line(1, 500)).max(20).default([]).describe("references to evidence (URLs, evidence ids)"),
};
export const fileBody = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("quality"), dimension: z.enum(QUALITY_DIMENSIONS), ...common }),
  z.strictObject({ kind: z.literal("objection"), ...common }).describe("an objection to the data itself"),
]);

export const responseBody = z.discriminatedUnion("response", [
  z.strictObject({ response: z.literal("accept"), plannedFix: text(1, 5000) }),
  z.strictObject({ response: z.literal("dispute"), reasons: text(1, 5000) }),
]);

export const decisionBody = z.strictObject({ decision: z.enum(DECISIONS), reason: text(1, 2000) });

export const listQuery = z.strictObject({
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("true: open items past the response deadline (regulator and exchange operator only)"),
  status: z.enum(FEEDBACK_STATUSES).optional(),
  registration: idOf("reg").optional(),
  after: idOf("qfb").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const summaryQuery = z.strictObject({ registration: idOf("reg") });

export const feedbackSchema = z
  .object({
    id: z.string(),
    registrationId: z.string(),
    holderParticipantId: z.string(),
    filerParticipantId: z.string(),
    kind: z.enum(FEEDBACK_KINDS),
    dimension: z.enum(QUALITY_DIMENSIONS).nullable(),
    text: z.string(),
    evidence: z.array(z.string()),
    status: z.enum(FEEDBACK_STATUSES),
    responseDeadlineAt: z.string(),
    overdue: z.boolean(),
    response: z.enum(RESPONSES).nullable(),
    responseText: z.string().nullable().describe("the planned fix (accept) or the reasons (dispute)"),
    respondedAt: z.string().nullable(),
    respondedLate: z.boolean(),
    escalatedAt: z.string().nullable(),
    decision: z.enum(DECISIONS).nullable(),
    decisionReason: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "QualityFeedback" });

export const summarySchema = z
  .object({
    registrationId: z.string(),
    open: z.number().int().describe("awaiting the holder's response, overdue ones included"),
    responded: z.number().int(),
    resolved: z.number().int(),
    escalated: z.number().int(),
    decided: z.number().int(),
    overdue: z.number().int().describe("open past the response deadline"),
    total: z.number().int(),
  })
  .meta({ id: "QualitySummary" });
