/**
 * Reads a sample of a tabular file (CSV, JSON / JSON Lines, Parquet, Excel .xlsx — its first sheet,
 * through JSON Lines as the node imports it) with DuckDB, every value as
 * text — the PII scan needs what was written ("0755…", "…002X", leading zeros), not what a type
 * guess made of it. The holder's node will reuse this to profile imported datasets.
 *
 * Errors become one-line AppErrors naming the file (and the line when DuckDB knows it). DuckDB's
 * messages can quote the offending row, which may be personal data, so quoted text is dropped.
 */
import { constants } from "node:fs";
import { access, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { AppError, badRequest } from "../../kernel/errors.js";
import { xlsxToJsonl } from "../../node/vault/xlsx.js";

export const TABLE_FORMATS = ["csv", "json", "parquet", "xlsx"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export interface SampledColumn {
  name: string;
  values: (string | null)[];
}

export interface TableSample {
  format: TableFormat;
  /** rows in the sample (all rows when the file has at most `sample` rows) */
  sampledRows: number;
  columns: SampledColumn[];
}

const EXTENSIONS: Record<string, TableFormat> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".txt": "csv",
  ".json": "json",
  ".jsonl": "json",
  ".ndjson": "json",
  ".parquet": "parquet",
  ".pq": "parquet",
  ".xlsx": "xlsx",
};

/** The format from `--format`, else from the extension (".csv.gz" counts as ".csv"). */
export function formatOf(file: string, override?: TableFormat): TableFormat {
  if (override) return override;
  const format = EXTENSIONS[extname(file.replace(/\.(gz|zst)$/i, "")).toLowerCase()];
  if (!format) {
    throw badRequest(
      "unknown_format",
      `${file}: cannot tell the format from the name; use --format csv|json|parquet|xlsx`,
      "format",
    );
  }
  return format;
}

const SOURCES: Record<TableFormat, string> = {
  csv: "read_csv($path, all_varchar = true)",
  json: "read_json_auto($path)",
  parquet: "read_parquet($path)",
  xlsx: "read_json_auto($path)", // of the sheet converted to JSON Lines
};

export async function readTableSample(
  file: string,
  sample: number,
  override?: TableFormat,
): Promise<TableSample> {
  await assertReadableFile(file);
  const format = formatOf(file, override);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const scratch = format === "xlsx" ? await mkdtemp(join(tmpdir(), "yaosu-scan-")) : null;
  try {
    let path = file;
    if (scratch) {
      path = join(scratch, "sheet.jsonl");
      await xlsxToJsonl(file, basename(file), path);
    }
    let columns = await sampleColumns(connection, SOURCES[format], path, sample);
    if (format === "csv") columns = await recheckSingleColumn(connection, file, sample, columns);
    return { format, sampledRows: columns[0]?.values.length ?? 0, columns };
  } catch (error) {
    throw error instanceof AppError ? error : unreadable(file, format, error);
  } finally {
    connection.closeSync();
    instance.closeSync();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

async function sampleColumns(
  connection: DuckDBConnection,
  source: string,
  file: string,
  sample: number,
): Promise<SampledColumn[]> {
  // Reservoir sampling reads the whole file but keeps `sample` rows spread over all of it, so a
  // file sorted by region or date is not judged by its first rows only.
  const sql = `SELECT TRY_CAST(COLUMNS(*) AS VARCHAR) FROM ${source} USING SAMPLE reservoir(${sample} ROWS) REPEATABLE (7)`;
  const reader = await connection.runAndReadAll(sql, { path: file });
  const names = reader.columnNames();
  return reader.getColumnsJS().map((values, i) => ({
    name: names[i] ?? `column${i}`,
    values: values.map((v) => (v === null || v === undefined ? null : String(v))),
  }));
}

/**
 * When rows have different numbers of fields, DuckDB's sniffer gives up on the delimiter and
 * reads each line as one column named after the whole header ("a,b,c"). Read again with that
 * delimiter, strictly, to get DuckDB's line-numbered error instead of a silently useless scan.
 */
async function recheckSingleColumn(
  connection: DuckDBConnection,
  file: string,
  sample: number,
  columns: SampledColumn[],
): Promise<SampledColumn[]> {
  const header = columns.length === 1 ? (columns[0]?.name ?? "") : "";
  const delimiter = [",", "\t", ";", "|"].find((d) => header.includes(d));
  if (!delimiter) return columns;
  const fields = header.split(delimiter).length;
  const types = Array.from({ length: fields }, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const quoted = delimiter === "\t" ? "\\t" : delimiter;
  const source = `read_csv($path, auto_detect = false, header = true, delim = E'${quoted}', quote = '"', escape = '"', columns = {${types}})`;
  const strict = await sampleColumns(connection, source, file, sample);
  const names = header.split(delimiter);
  return strict.map((c, i) => ({ ...c, name: names[i]?.replace(/^"|"$/g, "") || c.name }));
}

async function assertReadableFile(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info) throw badRequest("file_not_found", `${file}: no such file`, "file");
  if (!info.isFile()) throw badRequest("not_a_file", `${file}: not a regular file`, "file");
  await access(file, constants.R_OK).catch(() => {
    throw badRequest("file_unreadable", `${file}: permission denied`, "file");
  });
}

/** One line: what DuckDB objected to, where, and nothing quoted from the data. */
function unreadable(file: string, format: TableFormat, error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /(?:Line|line)[:\s]+(\d+)/.exec(message)?.[1];
  const reason =
    message
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !/^(?:Original Line|Possible (?:Solution|fixes)|LINE \d|\^|\*|file =)/i.test(l))
      .filter((l) => !/^\w+ = /.test(l))
      .slice(0, 2)
      .join("; ")
      .replace(/^[\w ]*Error: /, "")
      .replace(/"[^"]*"|'[^']*'/g, "…")
      .replace(/CSV Error on Line: \d+;?\s*/, "")
      .slice(0, 200) || "unreadable";
  // Chinese exports are often GBK; DuckDB reads UTF-8 (and UTF-16, Latin-1) only.
  const hint = /not utf-8 encoded/i.test(message)
    ? " (convert it first, e.g. iconv -f GB18030 -t UTF-8)"
    : "";
  const where = line ? ` (line ${line})` : "";
  return new AppError(
    400,
    "unreadable_file",
    `${file}: not readable as ${format}${where}: ${reason}${hint}`,
    "file",
  );
}
