import { badRequest } from "../../kernel/errors.js";
import { sqlName, type Vault } from "./vault.js";

/**
 * Rows about one data source (PR-5): the rows of a vaulted dataset whose `column` equals `value`,
 * and nothing else. The value is a bound parameter, never spliced into SQL; the column must be one
 * the dataset has and is quoted as a name. Values are compared as text, so an identifier read as a
 * number on import (an all-digit resident ID or mobile number) still matches. Zero rows is a valid
 * answer. The node hands back only the matched rows: no counts or samples of anyone else.
 */
export interface MatchedRows {
  columns: string[];
  rows: Record<string, unknown>[];
}

export interface MatchOptions {
  /** refuse rather than copy more than this many rows (a copy is about one data source) */
  maxRows?: number;
}

export async function matchRows(
  vault: Vault,
  datasetId: string,
  column: string,
  value: string,
  options: MatchOptions = {},
): Promise<MatchedRows> {
  const maxRows = options.maxRows ?? 10_000;
  const record = await vault.get(datasetId);
  if (!record.columns.some((c) => c.name === column))
    throw badRequest("column_not_found", `dataset ${datasetId} has no column ${column}`, "column");
  return vault.query(datasetId, async (conn) => {
    const result = await conn.runAndReadAll(
      `SELECT * FROM dataset WHERE CAST(${sqlName(column)} AS VARCHAR) = $1 LIMIT ${maxRows + 1}`,
      [value],
    );
    const rows = result.getRowObjectsJson() as Record<string, unknown>[];
    if (rows.length > maxRows)
      throw badRequest(
        "too_many_matches",
        `more than ${maxRows} rows match; the identifier does not single out one data source`,
        "column",
      );
    return { columns: result.columnNames(), rows };
  });
}

/** The copy as the requester downloads it: RFC 4180 CSV with a header row, or a JSON array. */
export function renderRows(matched: MatchedRows, format: "csv" | "json"): Buffer {
  if (format === "json") return Buffer.from(JSON.stringify(matched.rows, null, 2), "utf8");
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return "";
    const s = typeof v === "string" ? v : JSON.stringify(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    matched.columns.map(cell),
    ...matched.rows.map((r) => matched.columns.map((c) => cell(r[c]))),
  ];
  return Buffer.from(`${lines.map((l) => l.join(",")).join("\r\n")}\r\n`, "utf8");
}
