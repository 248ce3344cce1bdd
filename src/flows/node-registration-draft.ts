import type { z } from "zod";
import type { ORIGIN_CLASSES } from "../modules/registration/index.js";
import { createBody } from "../modules/registration/registration.schema.js";
import type { DatasetRecord, DatasetScan, PiiProfile } from "../node/vault/index.js";

/**
 * From the node to the exchange (PR-3, PD-3, PR-1): a registration body pre-filled from what the
 * holder's node knows about a dataset — its fields, volume, format, time coverage and quality from
 * the profile; origin class and the sensitive-PI flag proposed by the PII scan. It is exactly the
 * body of `POST /api/v1/registrations`: the holder reviews it, edits what the node cannot know
 * (description, legal basis, industry, grade …) and posts it to create the draft. Nothing is
 * created here, and no raw value travels: field descriptions carry labels and rates only.
 */
export type RegistrationDraftBody = z.infer<typeof createBody>;

/** Participant types whose data is public data (公共数据) unless the scan finds personal data. */
const PUBLIC_HOLDERS = new Set(["government_body", "public_institution"]);

export interface DraftInput {
  record: DatasetRecord;
  profile: PiiProfile;
  scan: DatasetScan;
  holderType: string;
}

export function registrationDraft({ record, profile, scan, holderType }: DraftInput): RegistrationDraftBody {
  const proposal = scan.proposal;
  const originClass: (typeof ORIGIN_CLASSES)[number] = proposal.personalInformation
    ? "personal"
    : PUBLIC_HOLDERS.has(holderType)
      ? "public"
      : "enterprise";
  const personal = profile.columnProfiles.filter((c) => c.personal).map((c) => c.name);
  const coverage = timeCoverage(profile);
  const draft: RegistrationDraftBody = {
    name: oneLine(record.name, 200) || record.id,
    originClass,
    // The grade (core / important / general) is the holder's call against the catalogues; the
    // node proposes the least restrictive and the review and the rules table take it from there.
    grade: "general",
    description: [
      `${record.rows} rows × ${record.columns.length} columns, imported into the holder's node from ${oneLine(record.sourceFile, 200)} (${record.format}).`,
      personal.length
        ? `Personal information detected in: ${personal.map((n) => oneLine(n, 60)).join(", ")}.`
        : "No personal information detected in the sampled values.",
    ].join(" "),
    datasetId: record.id,
    fields: profile.columnProfiles.slice(0, 2000).map((c, i) => ({
      name: oneLine(c.name, 200) || `column_${i + 1}`,
      type: oneLine(c.type, 60) || "UNKNOWN",
      description: fieldDescription(c),
      sensitive: c.sensitive,
    })),
    volumeRows: record.rows,
    volumeBytes: record.bytes,
    format: record.format,
    sensitivePersonal: proposal.sensitivePersonalInformation,
    ...coverage,
    quality: {
      completeness: clamp(profile.quality.completeness),
      note: qualityNote(profile),
    },
  };
  // The draft must be a valid create body; a failure here is a bug, not the holder's mistake.
  return createBody.parse(draft);
}

function fieldDescription(c: PiiProfile["columnProfiles"][number]): string {
  const parts = [`${pct(c.completeness)} complete`];
  if (c.label !== "none") {
    const kind = c.sensitive
      ? "sensitive personal information"
      : c.personal
        ? "personal information"
        : "identifier";
    parts.unshift(`${c.label} (${kind})`);
    if (c.validity !== null) parts.push(`${pct(c.validity)} valid`);
  }
  return parts.join("; ");
}

function qualityNote(profile: PiiProfile): string {
  const q = profile.quality;
  const parts = [`profiled by the holder's node: uniqueness ${pct(q.uniqueness)}`];
  if (q.validity !== null) parts.push(`validity ${pct(q.validity)}`);
  if (q.timeliness) parts.push(`newest record ${q.timeliness.newest.slice(0, 10)}`);
  return parts.join(", ");
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** Earliest and latest date over the date and timestamp columns that are not personal data. */
function timeCoverage(profile: PiiProfile): { timeFrom?: string; timeTo?: string } {
  const temporal = profile.columnProfiles.filter((c) => /^(DATE|TIMESTAMP)/i.test(c.type) && !c.personal);
  const mins = temporal.flatMap((c) => (c.min && DATE.test(c.min) ? [c.min.slice(0, 10)] : [])).sort();
  const maxs = temporal.flatMap((c) => (c.max && DATE.test(c.max) ? [c.max.slice(0, 10)] : [])).sort();
  const from = mins[0];
  const to = maxs[maxs.length - 1];
  if (!from || !to || !isDate(from) || !isDate(to)) return {};
  return { timeFrom: from, timeTo: to };
}

const isDate = (v: string) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && v >= "0001-01-01";

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]+/g;
const oneLine = (value: string, max: number) =>
  [
    ...value
      .replace(CONTROL, " ")
      .replace(/[\ud800-\udfff]/g, "")
      .trim(),
  ]
    .slice(0, max)
    .join("")
    .trim();
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const clamp = (x: number) => Math.min(1, Math.max(0, x));
