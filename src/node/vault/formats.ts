/** The file formats the node imports (kept apart so the CLI can name them without loading DuckDB). */
export const DATASET_FORMATS = ["csv", "jsonl", "parquet", "xlsx"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];
