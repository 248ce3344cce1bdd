import { z } from "zod";
import { line, text } from "../../kernel/http/text.js";
import {
  FORMATS,
  GRADES,
  INDUSTRY_CODES,
  LEGAL_BASES,
  OBJECTION_STATUSES,
  ORIGIN_CLASSES,
  REGISTRATION_KINDS,
  REGISTRATION_STATUSES,
  UPDATE_FREQUENCIES,
} from "./registration.model.js";

/** Edge schemas of the registration API (zod → OpenAPI). */

export const idParam = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`), `must be an id starting with ${prefix}_`);
export const registrationParams = z.strictObject({ id: idParam("reg") });
export const objectionParams = z.strictObject({ id: idParam("obj") });

const date = z.iso.date();
const field = z.strictObject({
  name: line(1, 200),
  type: line(1, 60),
  description: text(0, 1000).optional(),
  sensitive: z.boolean().optional(),
});
const quality = z.strictObject({
  completeness: z.number().min(0).max(1).optional(),
  accuracy: z.number().min(0).max(1).optional(),
  consistency: z.number().min(0).max(1).optional(),
  timeliness: z.number().min(0).max(1).optional(),
  note: text(0, 2000).optional(),
});
const contact = z.strictObject({
  name: line(1, 100),
  phone: z
    .string()
    .regex(/^[0-9+\-() ]{5,30}$/, "digits, spaces, + - ( )")
    .optional(),
  email: z.email().max(254).optional(),
});

/** Everything a holder may fill in while drafting; `submit` checks completeness. */
const draftFields = {
  description: text(1, 5000),
  sourceUnit: line(1, 200).describe("public data: the source unit (数源单位)"),
  catalogCode: line(1, 100).describe("public data: the catalog code in the government data catalog"),
  legalBasis: z.enum(LEGAL_BASES),
  legalBasisNote: text(0, 2000),
  collectionMethod: text(1, 2000),
  datasetId: idParam("dst").describe("the node dataset whose profile gave the fields"),
  fields: z.array(field).max(2000),
  volumeRows: z.number().int().min(0),
  volumeBytes: z.number().int().min(0),
  format: z.enum(FORMATS),
  updateFrequency: z.enum(UPDATE_FREQUENCIES),
  timeFrom: date,
  timeTo: date,
  spatialCoverage: line(1, 200),
  sensitivePersonal: z.boolean(),
  industry: z.enum(INDUSTRY_CODES).describe("GB/T 4754-2017 section A–T"),
  keywords: z.array(line(1, 50)).max(30),
  quality,
  contact,
};
const optionalDraft = Object.fromEntries(
  Object.entries(draftFields).map(([key, schema]) => [key, schema.optional()]),
) as { [K in keyof typeof draftFields]: z.ZodOptional<(typeof draftFields)[K]> };

export const createBody = z.strictObject({
  name: line(1, 200),
  originClass: z.enum(ORIGIN_CLASSES),
  grade: z.enum(GRADES),
  ...optionalDraft,
});
export const updateBody = createBody.partial();
export type DraftInput = z.infer<typeof updateBody>;
/** A change registration (变更登记): what changes, and why. */
export const changeBody = updateBody.extend({ reason: text(1, 2000) });

export const reviewBody = z.strictObject({ decision: z.enum(["pass", "reject"]), reason: text(1, 2000) });
export const reasonBody = z.strictObject({ reason: text(1, 2000) });
export const reclassifyBody = z.strictObject({
  originClass: z.enum(ORIGIN_CLASSES),
  grade: z.enum(GRADES),
  sensitivePersonal: z.boolean(),
  reason: text(1, 2000),
});
export const objectionBody = z.strictObject({
  reasons: text(1, 5000),
  evidence: z.array(line(1, 500)).max(20).default([]).describe("references to evidence (URLs, evidence ids)"),
});
export const objectionDecisionBody = z.strictObject({
  decision: z.enum(["upheld", "dismissed"]),
  reason: text(1, 2000),
});

export const listQuery = z.strictObject({
  status: z.enum(REGISTRATION_STATUSES).optional(),
  holder: idParam("ptc").optional(),
  after: idParam("reg").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const registrationSchema = z
  .object({
    id: z.string(),
    status: z.enum(REGISTRATION_STATUSES),
    kind: z.enum(REGISTRATION_KINDS),
    amendsRegistrationId: z
      .string()
      .nullable()
      .describe("for a change registration: the registration it changes"),
    changeReason: z.string().nullable(),
    version: z.number().int().describe("1 when registered, +1 for each applied change registration"),
    registrationNumber: z.string().nullable(),
    holderParticipantId: z.string(),
    name: z.string(),
    originClass: z.enum(ORIGIN_CLASSES),
    grade: z.enum(GRADES),
    ...optionalDraft,
    contact: contact.optional().describe("only the holder, the operator and the regulator see it"),
    reviewReason: z.string().nullable(),
    reclassificationReason: z
      .string()
      .nullable()
      .describe("set when a reviewer overrode the holder's class, grade or sensitive flag"),
    noticeStartsAt: z.string().nullable(),
    noticeEndsAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Registration" });

export const objectionSchema = z
  .object({
    id: z.string(),
    registrationId: z.string(),
    objectorParticipantId: z.string(),
    reasons: z.string(),
    evidence: z.array(z.string()),
    status: z.enum(OBJECTION_STATUSES),
    decisionReason: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "RegistrationObjection" });
