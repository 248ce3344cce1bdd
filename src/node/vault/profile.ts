import type { DuckDBConnection } from "@duckdb/node-api";
import { type DatasetColumn, type DatasetRecord, sqlName, type Vault } from "./vault.js";

/**
 * Profiling answers "what is in this dataset, and how good is it" without handing out raw data.
 * Three seams, filled from the PII scan by src/node/pii-profile.ts: `validator` (validity against
 * detectors), `mask` (the sample and text bounds) and `personal` (bounds of such a column are
 * masked whatever its type: a mobile stored as BIGINT is still a phone number). Without hooks:
 * every value DuckDB could type is valid, and the mask keeps only the first and last character.
 */
export interface ProfileHooks {
  /** a per-column check (e.g. a PII detector's "is this a valid resident ID?"), or none */
  validator?: (column: DatasetColumn) => ((value: string) => boolean) | undefined;
  /** masks one value shown in the sample or as a text min/max */
  mask?: (value: string, column: DatasetColumn) => string;
  /** the column holds personal information: its min/max are masked too */
  personal?: (column: DatasetColumn) => boolean;
}

export interface ProfileOptions extends ProfileHooks {
  sampleRows?: number;
  now: () => Date;
}

export interface ColumnProfile extends DatasetColumn {
  nulls: number;
  nullRate: number;
  distinct: number;
  /** as text; masked for text columns, absent for types with no order */
  min: string | null;
  max: string | null;
  completeness: number;
  uniqueness: number;
  /** share of checked values the validator passed; null when nothing could be checked */
  validity: number | null;
}

export interface DatasetProfile {
  datasetId: string;
  rows: number;
  columns: number;
  columnProfiles: ColumnProfile[];
  quality: {
    completeness: number;
    /** distinct rows / rows */
    uniqueness: number;
    validity: number | null;
    timeliness: { newest: string; ageDays: number } | null;
  };
  sample: Record<string, string | null>[];
}

/**
 * How many non-null values per column a validator sees (a reservoir sample beyond that): ±0.7 %
 * at 95 % confidence, and a bounded share of the event loop for the synchronous detectors.
 */
const VALIDITY_SAMPLE = 20_000;

/** Conservative until src/lib/pii lands: first and last character stay, the rest is masked. */
export function defaultMask(value: string): string {
  const chars = [...value];
  if (chars.length <= 2) return "*".repeat(chars.length);
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

const isText = (type: string) => /^(VARCHAR|UUID|ENUM|JSON)/i.test(type);
const isTemporal = (type: string) => /^(DATE|TIMESTAMP)/i.test(type);
const isOrderable = (type: string) => !/[[\]]|^(STRUCT|MAP|UNION|BLOB|BIT|GEOMETRY|VARIANT)/i.test(type);

export async function profileDataset(
  vault: Vault,
  id: string,
  options: ProfileOptions,
): Promise<DatasetProfile> {
  const record = await vault.get(id);
  return vault.query(id, (conn) => profileOpen(conn, record, options));
}

/** Profiles the dataset open as the view `dataset` on `conn` (see Vault.query). */
export async function profileOpen(
  conn: DuckDBConnection,
  record: Pick<DatasetRecord, "id" | "columns">,
  options: ProfileOptions,
): Promise<DatasetProfile> {
  const id = record.id;
  const mask = options.mask ?? defaultMask;
  const stats = await columnStats(conn, record.columns);
  const rows = stats.rows;
  const columnProfiles: ColumnProfile[] = [];
  for (const [i, column] of record.columns.entries()) {
    const s = stats.columns[i] ?? { nonNull: 0, distinct: 0, min: null, max: null };
    const nulls = rows - s.nonNull;
    const hidden = isText(column.type) || (options.personal?.(column) ?? false);
    columnProfiles.push({
      ...column,
      nulls,
      nullRate: ratio(nulls, rows),
      distinct: Math.min(s.distinct, s.nonNull),
      min: s.min !== null && hidden ? mask(s.min, column) : s.min,
      max: s.max !== null && hidden ? mask(s.max, column) : s.max,
      completeness: 1 - ratio(nulls, rows),
      uniqueness: ratio(Math.min(s.distinct, s.nonNull), rows),
      validity: await validity(conn, column, s.nonNull, options.validator?.(column)),
    });
  }
  const distinctRows = await scalar(conn, "SELECT count(*) FROM (SELECT DISTINCT * FROM dataset)");
  const valid = columnProfiles.flatMap((c) => (c.validity === null ? [] : [c.validity]));
  return {
    datasetId: id,
    rows,
    columns: record.columns.length,
    columnProfiles,
    quality: {
      completeness: mean(columnProfiles.map((c) => c.completeness)) ?? 1,
      uniqueness: ratio(distinctRows, rows),
      validity: mean(valid),
      timeliness: timeliness(stats.newestMs, options.now()),
    },
    sample: await maskedSample(conn, record.columns, options.sampleRows ?? 5, mask),
  };
}

/** One pass over the data for every column's counts, distinct estimate, min/max and newest time. */
async function columnStats(conn: DuckDBConnection, columns: DatasetColumn[]) {
  const parts = ["count(*) AS rows"];
  for (const [i, { name, type }] of columns.entries()) {
    const c = sqlName(name);
    parts.push(
      `count(${c}) AS n${i}`,
      `approx_count_distinct(hash(${c})) FILTER (WHERE ${c} IS NOT NULL) AS d${i}`,
    );
    if (isOrderable(type)) parts.push(`min(${c})::VARCHAR AS lo${i}`, `max(${c})::VARCHAR AS hi${i}`);
    if (isTemporal(type)) parts.push(`epoch_ms(max(${c})::TIMESTAMP) AS t${i}`);
  }
  const row =
    (await conn.runAndReadAll(`SELECT ${parts.join(", ")} FROM dataset`)).getRowObjectsJson()[0] ?? {};
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const newest = columns.flatMap((_, i) => (row[`t${i}`] == null ? [] : [Number(row[`t${i}`])]));
  return {
    rows: Number(row.rows ?? 0),
    newestMs: newest.length ? Math.max(...newest) : null,
    columns: columns.map((_, i) => ({
      nonNull: Number(row[`n${i}`] ?? 0),
      distinct: Number(row[`d${i}`] ?? 0),
      min: text(row[`lo${i}`]),
      max: text(row[`hi${i}`]),
    })),
  };
}

/** Without a validator, DuckDB having typed every value on import is the validity check. */
async function validity(
  conn: DuckDBConnection,
  column: DatasetColumn,
  nonNull: number,
  check: ((value: string) => boolean) | undefined,
): Promise<number | null> {
  if (nonNull === 0) return null;
  if (!check) return 1;
  const c = sqlName(column.name);
  const result = await conn.runAndReadAll(
    `SELECT v FROM (SELECT ${c}::VARCHAR AS v FROM dataset WHERE ${c} IS NOT NULL)
       USING SAMPLE reservoir(${VALIDITY_SAMPLE} ROWS) REPEATABLE (7)`,
  );
  const values = result.getRows().map(([v]) => String(v));
  return values.length ? values.filter((v) => check(v)).length / values.length : null;
}

/**
 * Every value in the sample goes through the mask, numbers and dates too: a phone number stored
 * as an integer or a birth date is as personal as any string.
 */
async function maskedSample(
  conn: DuckDBConnection,
  columns: DatasetColumn[],
  rows: number,
  mask: (value: string, column: DatasetColumn) => string,
): Promise<Record<string, string | null>[]> {
  if (rows <= 0 || columns.length === 0) return [];
  const select = columns.map(({ name }, i) => `${sqlName(name)}::VARCHAR AS c${i}`).join(", ");
  const result = await conn.runAndReadAll(
    `SELECT ${select} FROM dataset USING SAMPLE reservoir(${Math.floor(rows)} ROWS) REPEATABLE (42)`,
  );
  return result
    .getRows()
    .map((row) =>
      Object.fromEntries(
        columns.map((column, i) => [column.name, row[i] == null ? null : mask(String(row[i]), column)]),
      ),
    );
}

async function scalar(conn: DuckDBConnection, sql: string): Promise<number> {
  return Number((await conn.runAndReadAll(sql)).getRows()[0]?.[0] ?? 0);
}

function timeliness(newestMs: number | null, now: Date) {
  if (newestMs === null) return null;
  return { newest: new Date(newestMs).toISOString(), ageDays: (now.getTime() - newestMs) / 86_400_000 };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
