import { z } from "zod";
import { line, text } from "../../kernel/http/text.js";
import {
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  RIGHT_BASES,
  RIGHT_KINDS,
  RIGHT_STATUSES,
} from "./rights.model.js";

/** Edge schemas of the rights API (zod → OpenAPI). */

export const idParam = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`), `must be an id starting with ${prefix}_`);
export const rightParams = z.strictObject({ id: idParam("rgt") });
export const contractParams = z.strictObject({ id: idParam("rct") });
export const participantParams = z.strictObject({ id: idParam("ptc") });

const limit = z.coerce.number().int().min(1).max(200).default(50);
export const rightsQuery = z.strictObject({
  resource: idParam("reg"),
  after: idParam("rgt").optional(),
  limit,
});
export const pageQuery = z.strictObject({ after: idParam("rgt").optional(), limit });
export const contractsQuery = z.strictObject({
  status: z.enum(CONTRACT_STATUSES).optional(),
  after: idParam("rct").optional(),
  limit,
});

export const proposalBody = z.strictObject({
  kind: z.enum(CONTRACT_KINDS).describe("grant: a right derived from this one; transfer: this right itself"),
  counterpartyParticipantId: idParam("ptc"),
  rightKind: z
    .enum(RIGHT_KINDS)
    .optional()
    .describe("grant: the kind granted; transfer: omit or the source's"),
  scope: text(1, 2000).optional().describe("grant: what the granted right covers (purpose, fields, region)"),
  termStart: z.iso.datetime({ offset: true }).optional().describe("grant: default now"),
  termEnd: z.iso.datetime({ offset: true }).nullable().optional().describe("grant: default the source's end"),
  priceFen: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe("price in fen (0.01 CNY)"),
});
/** Optional: a POST without a body is a decision without a reason. */
export const reasonBody = z.strictObject({ reason: line(1, 2000).optional() }).nullish();

export const rightSchema = z
  .object({
    id: z.string(),
    kind: z.enum(RIGHT_KINDS),
    holderParticipantId: z.string(),
    resourceRegistrationId: z.string(),
    basis: z.enum(RIGHT_BASES),
    scope: z.string(),
    termStart: z.string(),
    termEnd: z.string().nullable(),
    parentRightId: z.string().nullable(),
    status: z.enum(RIGHT_STATUSES),
    createdAt: z.string(),
  })
  .meta({ id: "DataRight" });

const jwk = z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string() });
const signature = z
  .object({
    participantId: z.string(),
    publicKeyJwk: jwk,
    signature: z.string().describe("Ed25519, base64url"),
  })
  .nullable();

export const contractSchema = z
  .object({
    id: z.string(),
    kind: z.enum(CONTRACT_KINDS),
    status: z.enum(CONTRACT_STATUSES),
    proposerParticipantId: z.string(),
    counterpartyParticipantId: z.string(),
    sourceRightId: z.string(),
    resourceRegistrationId: z.string(),
    rightKind: z.enum(RIGHT_KINDS),
    scope: z.string(),
    termStart: z.string(),
    termEnd: z.string().nullable(),
    priceFen: z.number().int().nullable(),
    resultingRightId: z.string().nullable(),
    reason: z.string().nullable(),
    document: z
      .record(z.string(), z.unknown())
      .describe("the signed contract document; its RFC 8785 bytes are signed"),
    documentSha256: z.string().describe("SHA-256 (hex) of the canonical document bytes"),
    signatures: z.object({ holder: signature, counterparty: signature }),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: "RightsContract" });
