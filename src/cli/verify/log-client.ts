import type { z } from "zod";
import { conform } from "./inputs.js";
import { Invalid, quote, UsageError } from "./outcome.js";

// A read-only client of a log's public evidence API. Every failure — refused connection,
// timeout, an HTTP error, a body of the wrong shape — becomes one Invalid line naming the URL:
// a log that cannot be audited must never come out as valid.

const API_PATH = "/api/v1/evidence";
const TIMEOUT_MS = 30_000;

export class LogClient {
  private constructor(readonly base: string) {}

  /** Accepts the server's base URL or the evidence API's own (…/api/v1/evidence). */
  static fromUrl(url: string): LogClient {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`--url ${url} is not a URL`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      throw new UsageError(`--url ${url} must be an http or https URL`);
    }
    const path = parsed.pathname.replace(/\/+$/, "");
    const base = `${parsed.origin}${path.endsWith(API_PATH) ? path : `${path}${API_PATH}`}`;
    return new LogClient(base);
  }

  /** GET a JSON document of the given shape. `allow404` returns null for a 404 instead. */
  async json<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>>;
  async json<T extends z.ZodType>(path: string, schema: T, allow404: true): Promise<z.infer<T> | null>;
  async json<T extends z.ZodType>(path: string, schema: T, allow404 = false): Promise<z.infer<T> | null> {
    const body = await this.get(path, allow404);
    if (body === null) return null;
    let value: unknown;
    try {
      value = JSON.parse(body.toString("utf8"));
    } catch {
      throw new Invalid(`GET ${this.base}${path}: the answer is not JSON`);
    }
    return conform(schema, value, `GET ${this.base}${path}`);
  }

  /** GET raw bytes (e.g. the signed checkpoint note). */
  async bytes(path: string, allow404 = false): Promise<Buffer | null> {
    return this.get(path, allow404);
  }

  private async get(path: string, allow404: boolean): Promise<Buffer | null> {
    const url = `${this.base}${path}`;
    let response: Response;
    let body: Buffer;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      body = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw new Invalid(`GET ${url} failed: ${describeFetchError(error)}`);
    }
    if (response.status === 404 && allow404) return null;
    if (!response.ok) throw new Invalid(`GET ${url}: HTTP ${response.status}${problemText(body)}`);
    return body;
  }
}

function describeFetchError(error: unknown): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  return err.cause?.code ?? err.cause?.message ?? err.message;
}

/** The problem document's code and message, when the server sent one. */
function problemText(body: Buffer): string {
  try {
    const problem = JSON.parse(body.toString("utf8")) as { code?: unknown; message?: unknown };
    const parts = [problem.code, problem.message].filter((p): p is string => typeof p === "string");
    return parts.length > 0 ? ` ${quote(parts.join(": "), 200)}` : "";
  } catch {
    return "";
  }
}
