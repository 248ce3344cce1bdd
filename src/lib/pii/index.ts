/**
 * PII scan (PR-1 classification proposal, PR-8 personal information, SG-11 desensitisation):
 * detectors for Chinese identifiers, contact data, names, addresses, network and location data;
 * per-column findings; a proposal the holder confirms. Pure functions, no I/O.
 */
export { addressConfidence } from "./address.js";
export { bankCardConfidence } from "./bank-card.js";
export { emailConfidence, landlineConfidence, mobileConfidence } from "./contact.js";
export { birthDateConfidence, parseDate } from "./dates.js";
export {
  type ColumnScores,
  detectValue,
  type LabelScore,
  MAX_VALUE_LENGTH,
  type ScanOptions,
  scoreColumn,
  valueConfidence,
} from "./detect.js";
export { parseCoordinatePair } from "./geo.js";
export { type ColumnHint, columnHint } from "./hints.js";
export { residentIdConfidence, usccConfidence } from "./identifiers.js";
export {
  type ColumnLabel,
  type Detection,
  LABEL_INFO,
  type LabelInfo,
  PII_LABELS,
  type PiiLabel,
  REPORT_THRESHOLD,
} from "./labels.js";
export { maskValue } from "./mask.js";
export { personNameConfidence } from "./names.js";
export { ipConfidence } from "./network.js";
export { passportConfidence } from "./passport.js";
export { plateConfidence } from "./plate.js";
export {
  type ColumnFinding,
  type OriginClass,
  propose,
  type ScanColumnInput,
  type ScanProposal,
  type ScanReport,
  scanColumn,
  scanTable,
} from "./report.js";
