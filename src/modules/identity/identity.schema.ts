import { z } from "zod";
import { line, text } from "../../kernel/http/text.js";
import {
  API_KEY_SCOPES,
  APPLICABLE_TYPES,
  PARTICIPANT_STATUSES,
  PARTICIPANT_TYPES,
  ROLES,
  SERVICE_KINDS,
} from "./identity.model.js";

/** Edge schemas of the identity API: every body, query and answer is checked here (zod → OpenAPI). */

export const idParam = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`), `must be an id starting with ${prefix}_`);

export const usernameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/,
    "3–64 letters, digits, dot, dash or underscore, starting with a letter or digit",
  );
export const passwordSchema = z.string().min(8, "at least 8 characters").max(128, "at most 128 characters");
const reason = text(1, 2000);

export const applicationBody = z
  .object({
    type: z.enum(APPLICABLE_TYPES as [string, ...string[]]),
    name: line(2, 200),
    uscc: line(1, 40).optional(),
    residentId: line(1, 40).optional(),
    region: z
      .string()
      .regex(/^\d{6}$/, "a 6-digit administrative division code (GB/T 2260)")
      .optional(),
    contactEmail: z.email().max(254),
    contactPhone: z
      .string()
      .regex(/^[0-9+\-() ]{5,30}$/, "digits, spaces, + - ( )")
      .optional(),
    serviceKinds: z.array(z.enum(SERVICE_KINDS)).min(1).max(SERVICE_KINDS.length).optional(),
    admin: z.strictObject({
      username: usernameSchema,
      password: passwordSchema,
      displayName: line(0, 100).optional(),
    }),
  })
  .strict();

export const participantSchema = z
  .object({
    id: z.string(),
    type: z.enum(PARTICIPANT_TYPES),
    name: z.string(),
    status: z.enum(PARTICIPANT_STATUSES),
    uscc: z.string().nullable(),
    residentIdMasked: z.string().nullable(),
    region: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    serviceKinds: z.array(z.enum(SERVICE_KINDS)),
    publicKeyJwk: z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string() }),
    statusReason: z.string().nullable(),
    createdAt: z.string(),
    admittedAt: z.string().nullable(),
  })
  .meta({ id: "Participant" });

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    participantId: z.string(),
    status: z.enum(["active", "disabled"]),
    createdAt: z.string(),
  })
  .meta({ id: "User" });

export const loginBody = z.strictObject({
  username: line(1, 64),
  password: z.string().min(1).max(128),
});
// Fastify hands a missing body over as null: optional bodies are nullish.
export const refreshBody = z.strictObject({ refreshToken: line(1, 200).optional() }).nullish();

export const tokensSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int(),
  refreshToken: z.string(),
  refreshExpiresAt: z.string(),
  user: userSchema,
  participant: participantSchema,
});

export const listQuery = z.strictObject({
  status: z.enum(PARTICIPANT_STATUSES).optional(),
  type: z.enum(PARTICIPANT_TYPES).optional(),
  after: idParam("ptc").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const admissionsQuery = z.strictObject({
  status: z.enum(["pending", "admitted", "rejected"]).default("pending"),
});
export const admitBody = z.strictObject({ note: text(0, 2000).optional() }).nullish();
export const reasonBody = z.strictObject({ reason });

export const newUserBody = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  displayName: line(0, 100).optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
});

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: "ApiKey" });
export const newApiKeyBody = z.strictObject({
  name: line(1, 100),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).max(API_KEY_SCOPES.length),
});
