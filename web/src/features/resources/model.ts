// The node's dataset shapes, taken from the server (type-only imports and pure constants: no
// server code is bundled), so the portal and the node API cannot disagree.
import type { z } from "zod";
import type { datasetSchema, profileSchema, scanSchema } from "../../../../src/node/node.schema.js";

export type { DatasetFormat } from "../../../../src/node/vault/formats.js";

export type Dataset = z.infer<typeof datasetSchema>;
export type Profile = z.infer<typeof profileSchema>;
export type ColumnProfile = Profile["columnProfiles"][number];
export type Scan = z.infer<typeof scanSchema>;
export type ColumnFinding = Scan["columns"][number];

export const ORIGIN_CLASSES = ["public", "enterprise", "personal"] as const;
export type OriginClass = (typeof ORIGIN_CLASSES)[number];
export const GRADES = ["core", "important", "general"] as const;
export type Grade = (typeof GRADES)[number];

/** Participant types that hold data and may use the node (the server's rule; used to show the nav entry). */
export const HOLDER_TYPES = [
  "government_body",
  "public_institution",
  "enterprise",
  "individual",
  "data_vendor",
  "third_party",
];
