import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance } from "fastify";
import { AppError, badRequest } from "../kernel/errors.js";
import type { DatasetFormat } from "./vault/formats.js";

/**
 * Streamed uploads into the node (PR-3: raw data stays in the holder's domain). The request body
 * is never buffered: it is piped to a file in `<dataDir>/node/incoming/` (next to the vault, on
 * disk rather than RAM-backed scratch, since an upload may be gigabytes) and the node's size limit
 * is enforced while the bytes arrive — the first byte over YAOSU_NODE_MAX_IMPORT_BYTES aborts the
 * transfer and removes the partial file. The caller removes the file once it is imported.
 */

/** Content types an upload may declare, and the format each implies when nothing else says. */
export const UPLOAD_TYPES: Record<string, DatasetFormat | undefined> = {
  "text/csv": "csv",
  "application/x-ndjson": "jsonl",
  "application/jsonl": "jsonl",
  "application/vnd.apache.parquet": "parquet",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/octet-stream": undefined,
};

/**
 * Registers the upload content types as pass-through parsers: the handler gets the raw request
 * stream as `request.body`. Fastify's bodyLimit applies only to buffered parsers, so it does not
 * cut an upload short; uploads have their own limit (receiveUpload). Scoped to the plugin that
 * calls it, so no other route accepts these types.
 */
export function acceptStreamedUploads(app: FastifyInstance): void {
  app.addContentTypeParser(Object.keys(UPLOAD_TYPES), (_request, payload, done) => done(null, payload));
}

export const incomingDir = (dataDir: string) => join(dataDir, "node", "incoming");

export const tooLarge = (bytes: number | null, maxBytes: number) =>
  new AppError(
    413,
    "file_too_large",
    `${bytes === null ? "the upload exceeds" : `the upload is ${bytes} bytes;`} this node imports at most ${maxBytes} bytes (YAOSU_NODE_MAX_IMPORT_BYTES)`,
    "file",
    { maxBytes },
  );

/** Streams `body` to a new file in `dir`, refusing it (413) at the first byte over `maxBytes`. */
export async function receiveUpload(
  body: unknown,
  dir: string,
  maxBytes: number,
): Promise<{ path: string; bytes: number }> {
  if (!isReadable(body)) {
    throw badRequest(
      "upload_missing",
      "send the file as the request body (e.g. Content-Type: text/csv)",
      "file",
    );
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${process.pid}-${randomBytes(12).toString("hex")}.upload`);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) callback(tooLarge(null, maxBytes));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(path, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    await rm(path, { force: true });
    if (error instanceof AppError) throw error;
    throw badRequest("upload_interrupted", "the upload ended before the whole file arrived", "file");
  }
  if (bytes === 0) {
    await rm(path, { force: true });
    throw badRequest("upload_empty", "the uploaded file is empty", "file");
  }
  return { path, bytes };
}

/** Partial uploads of a process that died mid-transfer (the pid leads each file name). */
export async function sweepIncoming(dir: string): Promise<void> {
  const files = await readdir(dir).catch(() => [] as string[]);
  const stale = files.filter((f) => {
    const pid = Number(/^(\d+)-/.exec(f)?.[1]);
    return Number.isInteger(pid) && pid !== process.pid && !alive(pid);
  });
  await Promise.all(stale.map((f) => rm(join(dir, f), { force: true })));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isReadable(value: unknown): value is NodeJS.ReadableStream {
  return typeof (value as NodeJS.ReadableStream | null)?.pipe === "function";
}
