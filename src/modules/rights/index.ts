/** The three rights (三权分置, PR-2) as records, and their grants, transfers and successions (PR-4). */

export { withdrawProposedOf } from "./contract-decisions.service.js";
export { type ContractDocument, encodeDocument } from "./contract-document.js";
export type { Caller } from "./rights.access.js";
export { rightsMigrations } from "./rights.migrations.js";
export * from "./rights.model.js";
export type { ContractParties, RightsPorts, Viewer } from "./rights.ports.js";
export { findRight } from "./rights.repo.js";
export { rightsRoutes } from "./rights.routes.js";
export { activeRightsHeldBy, createHoldingRight, moveRight, revokeRightsOn } from "./rights.service.js";
export type { RightRow, RightsContractRow } from "./rights.tables.js";
