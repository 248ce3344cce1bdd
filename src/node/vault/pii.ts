import type { DuckDBConnection } from "@duckdb/node-api";
import {
  type ColumnFinding,
  LABEL_INFO,
  maskValue,
  type ScanReport,
  scanTable,
  valueConfidence,
} from "../../lib/pii/index.js";
import {
  type ColumnProfile,
  type DatasetProfile,
  defaultMask,
  type ProfileHooks,
  profileOpen,
} from "./profile.js";
import { type DatasetColumn, type DatasetRecord, sqlName, type Vault } from "./vault.js";

/**
 * The PII scan over a dataset in the vault, and profiling that uses it (PR-1 classification
 * proposal, PR-8 personal information, SG-11 desensitisation). The scan reads a reservoir sample
 * of the dataset through DuckDB, every value as text; its findings then decide, per column, what
 * "valid" means (the detector's structural check: GB 11643, GB 32100, Luhn, mobile segments…) and
 * how the profile's sample and bounds are masked — the detector's own mask for a personal column,
 * so no raw personal value ever leaves in a profile.
 */

/** Rows the scan looks at by default: enough for stable match rates, quick on any dataset. */
export const DEFAULT_SCAN_SAMPLE = 5000;

export interface DatasetScan extends ScanReport {
  datasetId: string;
  rows: number;
  /** rows in the sample the detectors saw (all rows when the dataset is smaller) */
  sampledRows: number;
}

export interface ColumnPii {
  label: ColumnFinding["label"];
  personal: boolean;
  sensitive: boolean;
}

export type PiiProfile = Omit<DatasetProfile, "columnProfiles"> & {
  columnProfiles: (ColumnProfile & ColumnPii)[];
};

export interface InspectOptions {
  sampleRows?: number;
  scanSample?: number;
  now: () => Date;
}

/** Scans the dataset open as the view `dataset` on `conn`. */
export async function scanOpen(
  conn: DuckDBConnection,
  record: Pick<DatasetRecord, "id" | "rows" | "columns">,
  sample: number,
  today: Date,
): Promise<DatasetScan> {
  const select = record.columns.map(({ name }, i) => `${sqlName(name)}::VARCHAR AS c${i}`).join(", ");
  const columns =
    record.columns.length === 0
      ? []
      : (
          await conn.runAndReadAll(
            `SELECT ${select} FROM dataset USING SAMPLE reservoir(${Math.floor(sample)} ROWS) REPEATABLE (7)`,
          )
        ).getColumnsJS();
  const report = scanTable(
    record.columns.map((c, i) => ({ name: c.name, values: columns[i] ?? [] })),
    { today },
  );
  return { datasetId: record.id, rows: record.rows, sampledRows: columns[0]?.length ?? 0, ...report };
}

/**
 * Confidence an unlabelled column's best personal guess needs before its sample is masked to its
 * shape. Dates are left out: a date alone identifies nobody, and masking every event date would
 * also hide the dataset's time coverage; a column the scan does label birth_date keeps its year only.
 */
const SUSPECT = 0.3;

/** The profile's seams (validity, mask, personal) filled from the scan's findings. */
export function piiHooks(scan: ScanReport, today: Date): ProfileHooks {
  const byName = new Map(scan.columns.map((f) => [f.name, f]));
  const suspect = (f: ColumnFinding | undefined) =>
    Boolean(
      f?.alternatives.some(
        (a) => a.label !== "birth_date" && LABEL_INFO[a.label].personal && a.confidence >= SUSPECT,
      ),
    );
  return {
    validator: (column: DatasetColumn) => {
      const label = byName.get(column.name)?.label;
      if (!label || label === "none") return undefined;
      return (value) => valueConfidence(label, value, { today }) > 0;
    },
    mask: (value, column) => {
      const finding = byName.get(column.name);
      if (finding && finding.label !== "none") return maskValue(finding.label, value);
      // Not recognised, but something personal came close: keep only the value's shape.
      if (suspect(finding)) return maskValue("none", value);
      return defaultMask(value);
    },
    personal: (column) => {
      const finding = byName.get(column.name);
      return Boolean(finding?.personal) || suspect(finding);
    },
  };
}

/** Scan and profile in one opening of the dataset. */
export async function inspectDataset(
  vault: Vault,
  id: string,
  options: InspectOptions,
): Promise<{ record: DatasetRecord; scan: DatasetScan; profile: PiiProfile }> {
  const record = await vault.get(id);
  return vault.query(id, async (conn) => {
    const today = options.now();
    const scan = await scanOpen(conn, record, options.scanSample ?? DEFAULT_SCAN_SAMPLE, today);
    const profile = await profileOpen(conn, record, { ...options, ...piiHooks(scan, today) });
    return { record, scan, profile: withPii(profile, scan) };
  });
}

/** Scan only (no profile), for GET …/scan. */
export async function scanDataset(vault: Vault, id: string, sample: number, today: Date) {
  const record = await vault.get(id);
  return vault.query(id, (conn) => scanOpen(conn, record, sample, today));
}

function withPii(profile: DatasetProfile, scan: ScanReport): PiiProfile {
  const byName = new Map(scan.columns.map((f) => [f.name, f]));
  return {
    ...profile,
    columnProfiles: profile.columnProfiles.map((c) => {
      const f = byName.get(c.name);
      return {
        ...c,
        label: f?.label ?? "none",
        personal: f?.personal ?? false,
        sensitive: f?.sensitive ?? false,
      };
    }),
  };
}
