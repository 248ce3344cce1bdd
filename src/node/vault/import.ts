import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { AppError, badRequest } from "../../kernel/errors.js";
import {
  DATASET_FORMATS,
  type DatasetColumn,
  type DatasetFormat,
  type DatasetRecord,
  sqlString,
  type Vault,
  withDuck,
} from "./vault.js";
import { xlsxToJsonl } from "./xlsx.js";

export type ImportPhase = "hash" | "parse" | "seal";

export interface ImportOptions {
  path: string;
  /** the participant whose data this is (see DatasetRecord.ownerParticipantId) */
  ownerParticipantId: string;
  /** the file name to record and to name in errors when `path` is a temp file (an upload) */
  sourceFile?: string;
  name?: string;
  format?: DatasetFormat;
  /** refuse files larger than this (YAOSU_NODE_MAX_IMPORT_BYTES) */
  maxBytes: number;
  newId: () => string;
  now: () => Date;
  /** bytes done of `total` in the current phase; `parse` has no byte count (DuckDB gives none) */
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

const EXTENSIONS: Record<string, DatasetFormat> = {
  ".csv": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".parquet": "parquet",
  ".pq": "parquet",
  ".xlsx": "xlsx",
};

/**
 * Imports a file into the vault: checks size and format before reading, hashes the source, has
 * DuckDB parse it in full (a malformed row fails the whole import, naming its line), stages it as
 * Parquet in scratch and seals it into the vault. Any failure leaves the vault as it was.
 */
export async function importFile(vault: Vault, options: ImportOptions): Promise<DatasetRecord> {
  const shown = options.sourceFile ?? basename(options.path);
  const bytes = await fileSize(options.path, options.maxBytes);
  const format = options.format ?? formatOf(shown);
  const progress = options.onProgress ?? (() => undefined);
  const sha256 = await hashFile(options.path, (done) => progress("hash", done, bytes));
  progress("parse", 0, 1);
  return withDuck(async (conn, scratch) => {
    const staged = join(scratch, "staged.parquet");
    // A workbook is read as the JSON Lines of its first sheet (xlsx.ts).
    let source = options.path;
    if (format === "xlsx") {
      source = join(scratch, "sheet.jsonl");
      await xlsxToJsonl(options.path, shown, source);
    }
    const { rows, columns } = await parseInto(
      conn,
      source,
      format === "xlsx" ? "jsonl" : format,
      shown,
      staged,
    );
    progress("parse", 1, 1);
    const stagedBytes = (await stat(staged)).size;
    const record: DatasetRecord = {
      id: options.newId(),
      name: options.name ?? shown,
      sourceFile: shown,
      format,
      rows,
      columns,
      bytes,
      sha256,
      importedAt: options.now().toISOString(),
      ownerParticipantId: options.ownerParticipantId,
    };
    await vault.store(record, staged, (done) => progress("seal", done, stagedBytes));
    return record;
  });
}

async function fileSize(path: string, maxBytes: number): Promise<number> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw badRequest("file_not_found", `cannot read ${path}: ${error.code ?? error.message}`, "file");
  });
  if (!info.isFile()) throw badRequest("file_not_found", `${path} is not a regular file`, "file");
  if (info.size > maxBytes) {
    throw new AppError(
      413,
      "file_too_large",
      `${basename(path)} is ${info.size} bytes; this node imports at most ${maxBytes} (YAOSU_NODE_MAX_IMPORT_BYTES)`,
      "file",
      { bytes: info.size, maxBytes },
    );
  }
  return info.size;
}

export function formatOf(path: string): DatasetFormat {
  const format = EXTENSIONS[extname(path).toLowerCase()];
  if (!format) {
    throw badRequest(
      "unknown_format",
      `cannot tell the format of ${basename(path)} from its extension; pass --format ${DATASET_FORMATS.join("|")}`,
      "format",
    );
  }
  return format;
}

async function hashFile(path: string, onBytes: (done: number) => void): Promise<string> {
  const hash = createHash("sha256");
  let done = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    onBytes(done);
  }
  return hash.digest("hex");
}

/**
 * CSV is read with rejects kept instead of thrown: DuckDB then reports every bad row with its
 * file line and column, and one bad row still refuses the whole file. JSON Lines and Parquet
 * readers fail on the first error, whose message carries the line when there is one.
 */
function readerSql(path: string, format: DatasetFormat): string {
  const file = sqlString(path);
  switch (format) {
    case "csv":
      return `read_csv(${file}, header = true, store_rejects = true, rejects_table = 'import_rejects', rejects_scan = 'import_scans')`;
    case "jsonl":
      return `read_json(${file}, format = 'newline_delimited')`;
    case "parquet":
      return `read_parquet(${file})`;
    case "xlsx":
      throw new Error("a workbook is read as JSON Lines (xlsx.ts)");
  }
}

/**
 * Parses the whole file straight into Parquet: one streaming pass, no table in memory (half the
 * time of materialising first — see bench/node.bench.mjs). Rows and columns are then read from
 * the Parquet file's own metadata.
 */
async function parseInto(
  conn: DuckDBConnection,
  path: string,
  format: DatasetFormat,
  shown: string,
  staged: string,
) {
  try {
    await conn.run(
      `COPY (SELECT * FROM ${readerSql(path, format)}) TO ${sqlString(staged)} (FORMAT parquet, COMPRESSION zstd)`,
    );
  } catch (error) {
    throw invalidFile(path, shown, (error as Error).message);
  }
  if (format === "csv") await refuseRejects(conn, shown);
  await conn.run(`CREATE VIEW staged AS SELECT * FROM read_parquet(${sqlString(staged)})`);
  const described = await conn.runAndReadAll("SELECT column_name, column_type FROM (DESCRIBE staged)");
  const columns: DatasetColumn[] = described
    .getRows()
    .map(([name, type]) => ({ name: String(name), type: String(type) }));
  const counted = await conn.runAndReadAll("SELECT count(*) FROM staged");
  return { rows: Number(counted.getRows()[0]?.[0] ?? 0), columns };
}

async function refuseRejects(conn: DuckDBConnection, shown: string) {
  const result = await conn.runAndReadAll(
    `SELECT line, column_name, error_message, count(*) OVER () AS total
       FROM import_rejects ORDER BY line, column_idx LIMIT 1`,
  );
  const first = result.getRowObjectsJson()[0];
  if (!first) return;
  const total = Number(first.total);
  const column = first.column_name ? `, column '${first.column_name}'` : "";
  const more = total > 1 ? ` (and ${total - 1} more bad row${total > 2 ? "s" : ""})` : "";
  // The offending line's text is left out on purpose: it may hold personal data.
  throw new AppError(
    400,
    "invalid_file",
    `${shown}: line ${first.line}${column}: ${first.error_message}${more}`,
    "file",
    {
      line: Number(first.line),
      column: first.column_name ?? null,
      badRows: total,
    },
  );
}

/** DuckDB's message minus its error class, the echoed SQL and the temp path noise. */
function invalidFile(path: string, shown: string, message: string): AppError {
  const lines = message.split("\n");
  // A failed CSV sniff puts its reason on the second line; every other reader on the first.
  const head = lines[0]?.startsWith("Invalid Input Error: Error when sniffing")
    ? lines.slice(0, 2).join(" ")
    : lines[0];
  const firstLine = (head ?? message).replace(/^[A-Za-z ]+Error: /, "").trim();
  const line = /\bline (\d+)/i.exec(firstLine)?.[1];
  const text = firstLine.replaceAll(path, shown).replaceAll(basename(path), shown);
  const where = line && !text.startsWith(`line ${line}`) ? `line ${line}: ` : "";
  return new AppError(400, "invalid_file", `${shown}: ${where}${text}`, "file", {
    line: line ? Number(line) : null,
  });
}
