// fetch wrapper for the exchange API: JSON in and out, bearer token from the session, and
// RFC 9457 problem bodies turned into ApiError so forms can show `message` next to `field`.
import { getSession } from "./session.js";

export const API_BASE = "/api/v1";

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  message: string;
  field?: string;
  requestId?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly requestId: string | undefined;

  constructor(problem: Problem) {
    super(problem.message);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.field = problem.field;
    this.requestId = problem.requestId;
  }
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** false for calls made without a session (login, apply): no token, no redirect on 401. */
  auth?: boolean;
  /** true to let a 401 through without signing out (e.g. the logout call itself). */
  ignoreUnauthorized?: boolean;
  /** Sent as Idempotency-Key so a retried POST is not applied twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

let onUnauthorized: (() => void) | null = null;

/** Called when a request made with a token gets 401 (expired or revoked session). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = options.body === undefined ? "GET" : "POST", auth = true } = options;
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  const token = auth ? getSession()?.accessToken : undefined;
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({ status: 0, code: "network_error", message: String(cause) });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && token && !options.ignoreUnauthorized) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback: Problem = {
    status: response.status,
    code: `http_${response.status}`,
    message: response.statusText || `HTTP ${response.status}`,
  };
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("json")) return new ApiError(fallback);
  try {
    const body = (await response.json()) as Partial<Problem>;
    return new ApiError({
      ...fallback,
      ...body,
      status: typeof body.status === "number" ? body.status : response.status,
      code: typeof body.code === "string" ? body.code : fallback.code,
      message: typeof body.message === "string" ? body.message : (body.title ?? fallback.message),
    });
  } catch {
    return new ApiError(fallback);
  }
}

export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; a plain-http LAN address is not one.
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Don't retry client errors: they will fail the same way again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}
