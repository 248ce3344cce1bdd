import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isAppError } from "../errors.js";

/**
 * Every error leaves the server as RFC 9457 problem JSON with a stable `code`, a `message` and,
 * when one input is at fault, the `field` as a dot path ("admin.password"). Clients switch on
 * `code`; `message` is for people. A 5xx here means a bug, and is logged as one.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  message: string;
  field?: string;
  requestId: string;
  [extra: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

export function problemBody(
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
  field?: string,
  extra?: Record<string, unknown>,
): Problem {
  return {
    type: `https://yaosu.dev/problems/${code}`,
    title: code.replace(/_/g, " "),
    status,
    code,
    message,
    ...(field ? { field } : {}),
    requestId: request.id,
    ...extra,
  };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  field?: string,
  extra?: Record<string, unknown>,
) {
  return reply
    .code(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problemBody(request, status, code, message, field, extra));
}

/** Fastify's own 4xx errors (bad JSON, wrong content type, body too large…) keep stable codes too. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_BODY_TOO_LARGE: "body_too_large",
  FST_ERR_CTP_EMPTY_JSON_BODY: "empty_body",
  FST_ERR_CTP_INVALID_JSON_BODY: "invalid_json",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "invalid_content_length",
};

export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      return sendProblem(request, reply, error.status, error.code, error.message, error.field, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const path = first?.instancePath.replace(/^\//, "").replace(/\//g, ".");
      const field = path || (error.validationContext === "body" ? "body" : error.validationContext);
      const message = first
        ? `${field ? `${field}: ` : ""}${first.message}`
        : "request does not match the schema";
      return sendProblem(request, reply, 400, "validation_failed", message, field);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      if (error instanceof SyntaxError || error.code === "FST_ERR_CTP_INVALID_JSON_BODY") {
        return sendProblem(request, reply, 400, "invalid_json", "request body is not valid JSON", "body");
      }
      const code = FASTIFY_CODES[error.code] ?? (status === 429 ? "rate_limited" : "bad_request");
      return sendProblem(request, reply, status, code, error.message);
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(
      request,
      reply,
      500,
      "internal",
      "internal error — this is a bug, please report the requestId",
    );
  });
}
