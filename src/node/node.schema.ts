import { z } from "zod";
import { line } from "../kernel/http/text.js";
import { PII_LABELS } from "../lib/pii/labels.js";
import { DATASET_FORMATS } from "./vault/formats.js";

/** Edge schemas of the node's dataset API (zod → OpenAPI). */

export const datasetParams = z.strictObject({
  id: z.string().regex(/^dst_[0-9A-HJKMNP-TV-Z]{26}$/, "must be an id starting with dst_"),
});

export const uploadQuery = z.strictObject({
  format: z.enum(DATASET_FORMATS).optional().describe("default: from filename, else from Content-Type"),
  filename: line(1, 200)
    .refine((v) => !/[/\\]/.test(v), "a file name, not a path")
    .optional()
    .describe("the original file name: recorded, named in errors, and its extension gives the format"),
  name: line(1, 200).optional().describe("dataset name (default: the file name)"),
});

export const profileQuery = z.strictObject({
  sample: z.coerce.number().int().min(0).max(100).default(5).describe("rows in the masked sample"),
});

export const scanQuery = z.strictObject({
  sample: z.coerce
    .number()
    .int()
    .min(1)
    // The detectors are synchronous JavaScript: 20,000 rows × a few columns is about a second
    // of the event loop on a small machine (bench/node.bench.mjs), the most one request may take.
    .max(20_000)
    .default(5000)
    .describe("rows the detectors look at (a reservoir sample over the whole dataset)"),
});

const column = z.object({ name: z.string(), type: z.string() });

export const datasetSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    sourceFile: z.string(),
    format: z.enum(DATASET_FORMATS),
    rows: z.number().int(),
    columns: z.array(column),
    bytes: z.number().int().describe("size of the file as imported"),
    sha256: z.string().describe("SHA-256 of the file as imported"),
    importedAt: z.string(),
    ownerParticipantId: z.string().nullable(),
  })
  .meta({ id: "NodeDataset" });

const label = z.enum([...PII_LABELS, "none"]);

const columnProfile = column.extend({
  nulls: z.number().int(),
  nullRate: z.number(),
  distinct: z.number().int(),
  min: z.string().nullable().describe("masked for text and personal columns"),
  max: z.string().nullable().describe("masked for text and personal columns"),
  completeness: z.number(),
  uniqueness: z.number(),
  validity: z.number().nullable().describe("share of sampled values passing the detected label's check"),
  label,
  personal: z.boolean(),
  sensitive: z.boolean(),
});

export const profileSchema = z
  .object({
    datasetId: z.string(),
    rows: z.number().int(),
    columns: z.number().int(),
    columnProfiles: z.array(columnProfile),
    quality: z.object({
      completeness: z.number(),
      uniqueness: z.number(),
      validity: z.number().nullable(),
      timeliness: z.object({ newest: z.string(), ageDays: z.number() }).nullable(),
    }),
    sample: z
      .array(z.record(z.string(), z.string().nullable()))
      .describe(
        "masked: personal columns with their detector's mask, others keep their first and last character",
      ),
  })
  .meta({ id: "NodeDatasetProfile" });

const finding = z.object({
  name: z.string(),
  label,
  confidence: z.number(),
  matchRate: z.number(),
  sampleCount: z.number().int(),
  personal: z.boolean(),
  sensitive: z.boolean(),
  example: z.string().optional().describe("masked"),
  alternatives: z.array(z.object({ label, confidence: z.number() })),
  notes: z.array(z.string()),
});

export const scanSchema = z
  .object({
    datasetId: z.string(),
    rows: z.number().int(),
    sampledRows: z.number().int(),
    columns: z.array(finding),
    proposal: z.object({
      personalInformation: z.boolean(),
      sensitivePersonalInformation: z.boolean(),
      suggestedOriginClass: z.enum(["public", "enterprise", "personal"]).optional(),
      reasons: z.array(z.string()),
    }),
  })
  .meta({ id: "NodeDatasetScan" });
