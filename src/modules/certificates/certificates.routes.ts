import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { allow } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { CERTIFICATE_STATUSES } from "./certificate.model.js";
import type { CertificateKey } from "./certificate-key.js";
import { issueCertificate } from "./certificates.service.js";
import { supersededCertificates } from "./supersede.service.js";

/**
 * Public certificate API (PR-3): anyone, without logging in, can fetch the exchange's
 * certificate key and the certificate of any registered resource, and verify it offline
 * (`yaosu verify certificate`) or with any JOSE library.
 */
const tags = ["certificates"];
const open = { access: allow.public() };

const jwkSchema = z.object({
  kty: z.string(),
  crv: z.string(),
  x: z.string(),
  kid: z.string(),
  alg: z.string(),
  use: z.string(),
});
const certificateSchema = z.object({
  number: z.string(),
  jws: z.string(),
  payload: z.object({
    iss: z.string(),
    sub: z.string(),
    iat: z.number(),
    registrationNumber: z.string(),
    registrationId: z.string(),
    resourceName: z.string(),
    holderParticipantId: z.string(),
    holderName: z.string(),
    originClass: z.string(),
    grade: z.string(),
    registeredAt: z.string(),
    noticeStartsAt: z.string().nullable(),
    noticeEndsAt: z.string().nullable(),
    version: z.number().int().optional(),
  }),
  issuedAt: z.string(),
  status: z
    .enum(CERTIFICATE_STATUSES)
    .describe("valid while the registration stands; revoked once cancelled"),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
});
const numberParams = z.object({ number: z.string().max(64) });

export const certificateRoutes =
  (k: Kernel, key: CertificateKey): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/certificates/key",
      {
        config: open,
        schema: {
          tags,
          summary: "The exchange's certificate verification key (Ed25519 JWK)",
          response: { 200: z.object({ kid: z.string(), jwk: jwkSchema }) },
        },
      },
      async () => ({ kid: key.kid, jwk: key.publicJwk }),
    );

    app.get(
      "/certificates/:number/raw",
      {
        config: open,
        schema: {
          tags,
          summary: "A registration certificate as the raw compact JWS (text/plain)",
          params: numberParams,
          response: withProblems({ 200: z.string() }),
        },
      },
      async (request, reply) => {
        const cert = await issueCertificate(k, key, request.params.number);
        return reply.type("text/plain; charset=utf-8").send(cert.jws);
      },
    );

    app.get(
      "/certificates/:number/superseded",
      {
        config: open,
        schema: {
          tags,
          summary: "Certificates of earlier versions of a registration, replaced by change registrations",
          params: numberParams,
          response: withProblems({
            200: z.object({
              items: z.array(
                z.object({
                  number: z.string(),
                  version: z.number().int(),
                  jws: z.string(),
                  issuedAt: z.string(),
                  supersededAt: z.string(),
                  status: z.literal("superseded"),
                }),
              ),
            }),
          }),
        },
      },
      async (request) => ({ items: await supersededCertificates(k.db, request.params.number) }),
    );

    app.get(
      "/certificates/:number",
      {
        config: open,
        schema: {
          tags,
          summary:
            "A registered resource's certificate (issued on first request); …/{number}.jws gives the raw JWS",
          params: numberParams,
          response: withProblems({ 200: z.union([certificateSchema, z.string()]) }),
        },
      },
      async (request, reply) => {
        const { number } = request.params;
        if (number.endsWith(".jws")) {
          const cert = await issueCertificate(k, key, number.slice(0, -".jws".length));
          return reply.type("text/plain; charset=utf-8").send(cert.jws);
        }
        return issueCertificate(k, key, number);
      },
    );
  };
