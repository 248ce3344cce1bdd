import { z } from "zod";
import { line, text } from "../../kernel/http/text.js";
import { COPY_FORMATS, IDENTIFIER_KINDS, SOURCE_REQUEST_STATUSES } from "./source-requests.model.js";

/** Edge schemas of the source-request API (zod → OpenAPI). */

const idOf = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`), `must be an id starting with ${prefix}_`);

export const sourceRequestParams = z.strictObject({ id: idOf("srq") });

export const submitBody = z.strictObject({
  registrationId: idOf("reg").describe("the registered resource whose holder is asked"),
  identifier: z.strictObject({
    kind: z.enum(IDENTIFIER_KINDS),
    value: line(1, 200).describe("stored only as a keyed hash and a mask; sealed until the request closes"),
  }),
  note: text(1, 2000).optional().describe("what the requester is looking for (no identifiers, please)"),
});

export const fulfilBody = z.strictObject({
  column: line(1, 200).describe("the dataset column holding the identifier"),
  format: z.enum(COPY_FORMATS).default("csv"),
});

export const refuseBody = z.strictObject({ reason: text(1, 2000) });

export const listQuery = z.strictObject({
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("true: open requests past their deadline (regulator and exchange operator only)"),
  status: z.enum(SOURCE_REQUEST_STATUSES).optional(),
  after: idOf("srq").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const sourceRequestSchema = z
  .object({
    id: z.string(),
    registrationId: z.string(),
    holderParticipantId: z.string(),
    requesterParticipantId: z.string(),
    identifier: z.object({
      kind: z.enum(IDENTIFIER_KINDS),
      masked: z.string(),
      verified: z
        .boolean()
        .describe("checked against the requester's admitted identity; false only for kind other"),
    }),
    note: z.string().nullable(),
    status: z.enum(SOURCE_REQUEST_STATUSES),
    deadlineAt: z.string(),
    overdue: z.boolean(),
    refusalReason: z.string().nullable(),
    answeredAt: z.string().nullable(),
    answeredLate: z.boolean(),
    copy: z
      .object({ format: z.enum(COPY_FORMATS), rows: z.number(), bytes: z.number(), sha256: z.string() })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "SourceRequest" });
