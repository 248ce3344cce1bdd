import { z } from "zod";

/** Edge schemas of the public evidence API. Indexes and sizes are non-negative safe integers. */
const count = z.coerce
  .number()
  .int("must be a whole number")
  .min(0, "must not be negative")
  .max(Number.MAX_SAFE_INTEGER, "too large");
const hex = z.string().regex(/^[0-9a-f]{64}$/, "64 lowercase hex characters");

export const indexParams = z.strictObject({ index: count });
export const proofQuery = z.strictObject({ treeSize: count.min(1, "must be at least 1").optional() });
// RFC 9162 defines consistency between non-empty trees: from ≥ 1.
export const consistencyQuery = z.strictObject({
  from: count.min(1, "must be at least 1"),
  to: count.min(1, "must be at least 1"),
});
export const leafHashParams = z.strictObject({ leafHash: hex });
export const subjectParams = z.strictObject({
  subjectId: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, "an id such as ptc_…"),
});
export const pageQuery = z.strictObject({
  after: count.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const rangeQuery = z.strictObject({
  start: count.default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
});

export const entrySchema = z
  .object({
    index: z.number().int(),
    leafHash: z.string(),
    entry: z.record(z.string(), z.unknown()),
    sequencedAt: z.string(),
  })
  .meta({ id: "EvidenceEntry" });

export const inclusionProofSchema = z
  .object({
    treeSize: z.number().int(),
    leafIndex: z.number().int(),
    leafHash: z.string(),
    rootHash: z.string(),
    hashes: z.array(z.string()),
  })
  .meta({ id: "InclusionProof" });

export const consistencyProofSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    fromRoot: z.string(),
    toRoot: z.string(),
    hashes: z.array(z.string()),
  })
  .meta({ id: "ConsistencyProof" });

export const checkpointSchema = z
  .object({ size: z.number().int(), rootHash: z.string(), note: z.string(), createdAt: z.string() })
  .meta({ id: "Checkpoint" });

export const rawEntrySchema = z.object({
  index: z.number().int(),
  leafHash: z.string(),
  entryBase64: z.string(),
});
