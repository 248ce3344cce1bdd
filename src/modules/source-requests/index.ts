/** Data-source copy requests (数据来源者权利, PR-5). */

export {
  belongsToRequester,
  hashIdentifier,
  maskIdentifier,
  normaliseIdentifier,
  type RequesterIdentity,
} from "./identifier.js";
export { sourceRequestMigrations } from "./source-requests.migrations.js";
export * from "./source-requests.model.js";
export { presentSourceRequest } from "./source-requests.present.js";
export { sourceRequestRoutes } from "./source-requests.routes.js";
export {
  fulfilBody,
  sourceRequestParams,
  sourceRequestSchema,
  submitBody,
} from "./source-requests.schema.js";
export {
  type Copy,
  fulfilSourceRequest,
  identifierToMatch,
  type NewSourceRequest,
  readCopy,
  refuseSourceRequest,
  submitSourceRequest,
  withdrawSourceRequest,
} from "./source-requests.service.js";
export type { SourceRequestRow } from "./source-requests.tables.js";
export { reassignOpenRequests } from "./succession.service.js";
