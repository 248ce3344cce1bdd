// The pure half of an upload: which format and content type a file goes as, the request URL,
// progress as a percentage, and a refused upload's problem body read into something to show
// (the node names the line and column of a broken file). Unit-tested; the XHR is in send.ts.
import type { DatasetFormat } from "./model.js";

const EXTENSIONS: Record<string, DatasetFormat> = {
  csv: "csv",
  jsonl: "jsonl",
  ndjson: "jsonl",
  parquet: "parquet",
  pq: "parquet",
  xlsx: "xlsx",
};

export const CONTENT_TYPES: Record<DatasetFormat, string> = {
  csv: "text/csv",
  jsonl: "application/x-ndjson",
  parquet: "application/vnd.apache.parquet",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The `accept` attribute of the file input. */
export const ACCEPT = [
  ".csv",
  ".jsonl",
  ".ndjson",
  ".parquet",
  ".pq",
  ".xlsx",
  ...Object.values(CONTENT_TYPES),
].join(",");

export function formatOfFile(fileName: string): DatasetFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (ext && EXTENSIONS[ext]) || null;
}

/** The node takes a file name of at most 200 characters with no path; keep the extension when cutting. */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop()?.trim() || "upload";
  const chars = [...base];
  if (chars.length <= 200) return base;
  const ext = /\.[A-Za-z0-9]{1,10}$/.exec(base)?.[0] ?? "";
  return chars.slice(0, 200 - ext.length).join("") + ext;
}

export interface UploadTarget {
  url: string;
  contentType: string;
}

/** POST target and content type for a file; the format goes explicitly when the extension tells it. */
export function uploadTarget(fileName: string, name: string, apiBase = "/api/v1"): UploadTarget {
  const format = formatOfFile(fileName);
  const params = new URLSearchParams({ filename: safeFileName(fileName) });
  if (format) params.set("format", format);
  if (name.trim()) params.set("name", [...name.trim()].slice(0, 200).join(""));
  return {
    url: `${apiBase}/node/datasets?${params.toString()}`,
    contentType: format ? CONTENT_TYPES[format] : "application/octet-stream",
  };
}

/** Whole percent sent, 0–100; unknown totals count as 0 until the end. */
export function percentOf(loaded: number, total: number): number {
  if (!Number.isFinite(loaded) || !Number.isFinite(total) || total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((loaded / total) * 100)));
}

export interface UploadProblem {
  status: number;
  code: string;
  message: string;
  /** 1-based line of a broken file, when the node could tell */
  line: number | null;
  column: string | null;
  badRows: number | null;
  maxBytes: number | null;
  requestId: string | null;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);

/** A refused upload's answer (RFC 9457 problem JSON, or anything else) as an UploadProblem. */
export function readProblem(status: number, body: string): UploadProblem {
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(body);
    if (value && typeof value === "object") parsed = value as Record<string, unknown>;
  } catch {
    // not JSON (a proxy's HTML page): the status alone has to do
  }
  return {
    status,
    code: str(parsed.code) ?? (status === 0 ? "network_error" : `http_${status}`),
    message: str(parsed.message) ?? str(parsed.title) ?? "",
    line: num(parsed.line),
    column: str(parsed.column),
    badRows: num(parsed.badRows),
    maxBytes: num(parsed.maxBytes),
    requestId: str(parsed.requestId),
  };
}
