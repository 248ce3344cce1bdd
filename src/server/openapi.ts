import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/** OpenAPI 3.1 generated from the same zod schemas that validate requests, served at /openapi.json; a browsable page at /docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Yaosu (要素) data-element exchange API",
        version,
        description:
          "Exchange API of Yaosu. Errors are RFC 9457 problem documents with a stable `code`. POSTs accept an `Idempotency-Key` header. Every operation states who may call it.",
      },
      servers: [{ url: "/" }],
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "JWT",
            description: "access token from POST /api/v1/auth/login",
          },
          apiKey: {
            type: "apiKey",
            in: "header",
            name: "X-Api-Key",
            description: "a participant's API key (ysk_…)",
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/docs", staticCSP: true });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
