/**
 * Typed application errors. Every client mistake becomes a 4xx with a stable machine-readable
 * `code`, a human message and, when one input is to blame, the `field` (dot path). Anything
 * else reaching the HTTP edge is a bug and renders as 500 `internal`.
 * Rendered as RFC 9457 `application/problem+json` by src/kernel/http/problem.ts.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (code: string, message: string, field?: string) =>
  new AppError(400, code, message, field);
export const unauthorized = (code: string, message: string) => new AppError(401, code, message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
export const notFound = (code: string, message: string, field?: string) =>
  new AppError(404, code, message, field);
export const conflict = (code: string, message: string, field?: string) =>
  new AppError(409, code, message, field);
export const tooMany = (code: string, message: string) => new AppError(429, code, message);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
