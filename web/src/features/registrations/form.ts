// The registration form's state and its translation to the API body (pure, unit-tested). Inputs
// hold text; the body holds the API's types. Empty inputs are left out of the body: the server
// keeps a draft's earlier value for a field that is not sent, and `submit` checks completeness.
import type { DraftBody } from "./api.js";
import type { DraftInput, Registration } from "./model.js";

export interface FieldRow {
  name: string;
  type: string;
  description: string;
  sensitive: boolean;
}

export interface FormState {
  name: string;
  description: string;
  originClass: NonNullable<DraftInput["originClass"]>;
  grade: NonNullable<DraftInput["grade"]>;
  sensitivePersonal: boolean;
  sourceUnit: string;
  catalogCode: string;
  legalBasis: NonNullable<DraftInput["legalBasis"]> | "";
  legalBasisNote: string;
  collectionMethod: string;
  datasetId: string;
  fields: FieldRow[];
  volumeRows: string;
  volumeBytes: string;
  format: NonNullable<DraftInput["format"]> | "";
  updateFrequency: NonNullable<DraftInput["updateFrequency"]> | "";
  timeFrom: string;
  timeTo: string;
  spatialCoverage: string;
  industry: NonNullable<DraftInput["industry"]> | "";
  keywords: string;
  completeness: string;
  accuracy: string;
  consistency: string;
  timeliness: string;
  qualityNote: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export type FormErrorKey = "required" | "integer" | "percent" | "timeReversed" | "contactName" | "fieldRow";
export type FormErrors = Partial<Record<keyof FormState, FormErrorKey>>;

const QUALITY = ["completeness", "accuracy", "consistency", "timeliness"] as const;
const text = (v: string | number | undefined | null) => (v === undefined || v === null ? "" : String(v));
const percent = (ratio: number | undefined) =>
  ratio === undefined ? "" : String(Math.round(ratio * 10_000) / 100);

/** The form for a new draft, or pre-filled from a draft body (a saved registration, a node dataset). */
export function formState(initial: DraftInput | Registration = {}): FormState {
  const q = initial.quality ?? {};
  return {
    name: text(initial.name),
    description: text(initial.description),
    originClass: initial.originClass ?? "enterprise",
    grade: initial.grade ?? "general",
    sensitivePersonal: initial.sensitivePersonal ?? false,
    sourceUnit: text(initial.sourceUnit),
    catalogCode: text(initial.catalogCode),
    legalBasis: initial.legalBasis ?? "",
    legalBasisNote: text(initial.legalBasisNote),
    collectionMethod: text(initial.collectionMethod),
    datasetId: text(initial.datasetId),
    fields: (initial.fields ?? []).map((f) => ({
      name: f.name,
      type: f.type,
      description: f.description ?? "",
      sensitive: f.sensitive ?? false,
    })),
    volumeRows: text(initial.volumeRows),
    volumeBytes: text(initial.volumeBytes),
    format: initial.format ?? "",
    updateFrequency: initial.updateFrequency ?? "",
    timeFrom: text(initial.timeFrom),
    timeTo: text(initial.timeTo),
    spatialCoverage: text(initial.spatialCoverage),
    industry: initial.industry ?? "",
    keywords: (initial.keywords ?? []).join("，"),
    completeness: percent(q.completeness),
    accuracy: percent(q.accuracy),
    consistency: percent(q.consistency),
    timeliness: percent(q.timeliness),
    qualityNote: text(q.note),
    contactName: text(initial.contact?.name),
    contactPhone: text(initial.contact?.phone),
    contactEmail: text(initial.contact?.email),
  };
}

/** Keywords are separated by commas (ASCII or full-width), the enumeration comma, semicolons or lines. */
export function splitKeywords(value: string): string[] {
  const words = value
    .split(/[,，、;；\n]+/)
    .map((w) => w.trim())
    .filter(Boolean);
  return [...new Set(words)];
}

const isCount = (v: string) => /^\d+$/.test(v.trim());
const isPercent = (v: string) => v.trim() !== "" && Number.isFinite(Number(v)) && +v >= 0 && +v <= 100;

/** What the browser can tell before asking the server; the server still checks everything. */
export function validate(s: FormState): FormErrors {
  const errors: FormErrors = {};
  if (!s.name.trim()) errors.name = "required";
  for (const key of ["volumeRows", "volumeBytes"] as const)
    if (s[key].trim() && !isCount(s[key])) errors[key] = "integer";
  for (const key of QUALITY) if (s[key].trim() && !isPercent(s[key])) errors[key] = "percent";
  if (s.timeFrom && s.timeTo && s.timeFrom > s.timeTo) errors.timeTo = "timeReversed";
  if (!s.contactName.trim() && (s.contactPhone.trim() || s.contactEmail.trim()))
    errors.contactName = "contactName";
  if (s.fields.some((f) => !f.name.trim() || !f.type.trim())) errors.fields = "fieldRow";
  return errors;
}

const some = (value: string) => (value.trim() ? value.trim() : undefined);

/** The API body for the form; assumes `validate` found nothing. */
export function toBody(s: FormState): DraftBody {
  const quality: NonNullable<DraftInput["quality"]> = {};
  for (const key of QUALITY) if (s[key].trim()) quality[key] = Number(s[key]) / 100;
  if (s.qualityNote.trim()) quality.note = s.qualityNote.trim();
  const body: DraftBody = {
    name: s.name.trim(),
    originClass: s.originClass,
    grade: s.grade,
    sensitivePersonal: s.originClass === "personal" && s.sensitivePersonal,
    description: some(s.description),
    sourceUnit: some(s.sourceUnit),
    catalogCode: some(s.catalogCode),
    legalBasis: s.legalBasis || undefined,
    legalBasisNote: some(s.legalBasisNote),
    collectionMethod: some(s.collectionMethod),
    datasetId: some(s.datasetId),
    fields: s.fields.map((f) => ({
      name: f.name.trim(),
      type: f.type.trim(),
      ...(f.description.trim() ? { description: f.description.trim() } : {}),
      ...(f.sensitive ? { sensitive: true } : {}),
    })),
    volumeRows: s.volumeRows.trim() ? Number(s.volumeRows) : undefined,
    volumeBytes: s.volumeBytes.trim() ? Number(s.volumeBytes) : undefined,
    format: s.format || undefined,
    updateFrequency: s.updateFrequency || undefined,
    timeFrom: some(s.timeFrom),
    timeTo: some(s.timeTo),
    spatialCoverage: some(s.spatialCoverage),
    industry: s.industry || undefined,
    keywords: splitKeywords(s.keywords),
    quality,
    contact: s.contactName.trim()
      ? {
          name: s.contactName.trim(),
          ...(s.contactPhone.trim() ? { phone: s.contactPhone.trim() } : {}),
          ...(s.contactEmail.trim() ? { email: s.contactEmail.trim() } : {}),
        }
      : undefined,
  };
  // JSON drops undefined members anyway; dropping them here keeps the body honest for tests.
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as DraftBody;
}

/** The form key an API error's `field` names ("contact.email" → contactEmail, "fields.0.name" → fields). */
export function formKeyOf(apiField: string | undefined): keyof FormState | undefined {
  if (!apiField) return undefined;
  const [head, sub] = apiField.split(".");
  if (head === "contact")
    return sub === "phone" ? "contactPhone" : sub === "email" ? "contactEmail" : "contactName";
  if (head === "quality")
    return sub === "note" ? "qualityNote" : (QUALITY.find((q) => q === sub) ?? "completeness");
  if (head === "fields") return "fields";
  const keys = Object.keys(formState()) as (keyof FormState)[];
  return keys.find((k) => k === head);
}
