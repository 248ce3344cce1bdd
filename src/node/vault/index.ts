/** The node's vault: where a holder's raw data lives, encrypted, and what can be learnt about it. */
export { formatOf, type ImportOptions, type ImportPhase, importFile } from "./import.js";
export {
  type ColumnPii,
  type DatasetScan,
  DEFAULT_SCAN_SAMPLE,
  type InspectOptions,
  inspectDataset,
  type PiiProfile,
  piiHooks,
  scanDataset,
} from "./pii.js";
export {
  type ColumnProfile,
  type DatasetProfile,
  defaultMask,
  type ProfileHooks,
  type ProfileOptions,
  profileDataset,
  profileOpen,
} from "./profile.js";
export {
  DATASET_FORMATS,
  type DatasetColumn,
  type DatasetFormat,
  type DatasetRecord,
  datasetNotFound,
  openNodeVault,
  openVault,
  type Vault,
  vaultDir,
  withDuck,
} from "./vault.js";
