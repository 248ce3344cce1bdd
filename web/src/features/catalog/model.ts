// The catalog's vocabulary and answer shapes, taken from the server (pure constants and type-only
// imports: no server code is bundled), so the portal's filters and the API cannot disagree.
import type { z } from "zod";
import type { catalogItemSchema, searchAnswer } from "../../../../src/modules/catalog/catalog.schema.js";

export {
  CATALOG_STATUSES,
  type CatalogSort,
  FACET_NAMES,
  type FacetName,
  FORMATS,
  GRADES,
  HOLDER_TYPES,
  INDUSTRY_CODES,
  MAX_OFFSET,
  ORIGIN_CLASSES,
  SORTS,
} from "../../../../src/modules/catalog/catalog.model.js";

export type CatalogItem = z.infer<typeof catalogItemSchema>;
export type SearchAnswer = z.infer<typeof searchAnswer>;

/** The DCAT 3 JSON-LD export of the registered items (public, no login). */
export const DCAT_URL = "/api/v1/catalog/dcat";
