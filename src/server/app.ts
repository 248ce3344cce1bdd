import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { qualityFeedbackFlowRoutes } from "../flows/quality-feedback.routes.js";
import { rightsPorts } from "../flows/rights-signing.js";
import { sourceRequestFlowRoutes } from "../flows/source-request.routes.js";
import { successionRoutes } from "../flows/succession.routes.js";
import { ping } from "../kernel/db/database.js";
import { installAccessControl } from "../kernel/http/access.js";
import { installIdempotency } from "../kernel/http/idempotency.js";
import { installProblemHandlers, sendProblem } from "../kernel/http/problem.js";
import { installSecurityHeaders } from "../kernel/http/security-headers.js";
import type { Kernel } from "../kernel/kernel.js";
import { catalogRoutes } from "../modules/catalog/index.js";
import { certificateRoutes, loadOrCreateCertificateKey } from "../modules/certificates/index.js";
import { classificationRoutes } from "../modules/classification/index.js";
import { evidenceRoutes, loadOrCreateLogKey } from "../modules/evidence/index.js";
import {
  admissionRoutes,
  authRoutes,
  identityAuthenticator,
  participantRoutes,
  teamRoutes,
} from "../modules/identity/index.js";
import { qualityRoutes } from "../modules/quality/index.js";
import { registrationRoutes } from "../modules/registration/index.js";
import { rightsRoutes } from "../modules/rights/index.js";
import { sourceRequestRoutes } from "../modules/source-requests/index.js";
import { nodeRoutes } from "../node/node.routes.js";
import { registerOpenApi } from "./openapi.js";
import { packageVersion } from "./package-root.js";
import { registerWebAssets } from "./web-assets.js";

export interface AppOptions {
  /** where the built portal lives; default dist/web under the package root */
  webRoot?: string;
}

/**
 * Assembles the exchange's HTTP server: plumbing first (errors, security headers, cookies, rate
 * limits, access control, idempotency), then each module's routes under /api/v1.
 */
export async function buildApp(k: Kernel, options: AppOptions = {}): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: k.log as FastifyBaseLogger,
    bodyLimit: k.config.bodyLimitBytes,
    genReqId: () => k.newId("request"),
    requestIdHeader: false,
    // One structured line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    // Malformed URLs and over-long parameters are answered by the router itself, before any
    // error handler: give them the same problem shape as every other refusal.
    frameworkErrors: (error, request, reply) =>
      sendProblem(
        request,
        reply,
        error.statusCode ?? 400,
        error.statusCode === 414 ? "uri_too_long" : "bad_url",
        error.message,
      ),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        participantId: request.principal?.participantId,
      },
      "request",
    );
  });

  installSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => {
      const error = new Error(`too many requests; retry after ${context.after}`) as Error & {
        statusCode: number;
      };
      error.statusCode = 429;
      void request;
      return error;
    },
  });
  await registerOpenApi(app, packageVersion);
  installAccessControl(app, identityAuthenticator(app, k));
  installIdempotency(app, k.db, k.clock, k.keyring.subkey("idempotency"));

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "alive" }));
  app.get("/readyz", { schema: { hide: true } }, async (request, reply) => {
    try {
      await ping(k.db);
      return { status: "ready", database: k.database.dialect };
    } catch (error) {
      request.log.warn({ err: error }, "database unreachable");
      return sendProblem(request, reply, 503, "database_unreachable", "the database does not answer");
    }
  });

  const logKey = await loadOrCreateLogKey(k);
  await app.register(
    async (api) => {
      await api.register(authRoutes(k));
      await api.register(participantRoutes(k));
      await api.register(admissionRoutes(k));
      await api.register(teamRoutes(k));
      await api.register(evidenceRoutes(k, logKey));
      await api.register(classificationRoutes(k));
      await api.register(registrationRoutes(k));
      await api.register(rightsRoutes(k, rightsPorts(k)));
      await api.register(successionRoutes(k));
      await api.register(catalogRoutes(k));
      await api.register(sourceRequestRoutes(k));
      await api.register(sourceRequestFlowRoutes(k));
      await api.register(qualityRoutes(k));
      await api.register(qualityFeedbackFlowRoutes(k));
      await api.register(nodeRoutes(k));
      await api.register(certificateRoutes(k, await loadOrCreateCertificateKey(k)));
    },
    { prefix: "/api/v1" },
  );
  await registerWebAssets(app, options.webRoot);
  return app;
}
