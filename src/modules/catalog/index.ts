/** The catalog (PR-3, PD-2, PD-3): search projection of the public registry, facets, DCAT 3 export. */

export { catalogMigrations } from "./catalog.migrations.js";
export * from "./catalog.model.js";
export { findItem } from "./catalog.repo.js";
export { catalogRoutes } from "./catalog.routes.js";
export {
  type CatalogSource,
  isCatalogStatus,
  project,
  reindex,
  type SearchQuery,
  type SearchResult,
  search,
} from "./catalog.service.js";
export type { CatalogItemRow } from "./catalog.tables.js";
export { DCAT_CONTEXT, dcatCatalog } from "./dcat.js";
export { indexText, queryWords } from "./segment.js";
