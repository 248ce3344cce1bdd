/** Registration of data resources (确权登记, PR-3, PD-3). The rights on them: src/modules/rights. */

export { applyChange, changesOf, fileChange } from "./change.service.js";
export { isRegistrationVisible, moveHolder } from "./holder.service.js";
export {
  cancel,
  type RegistrationOptions,
  review,
  startReview,
} from "./lifecycle.service.js";
export { noticeRoutes } from "./notice.routes.js";
export { closeDueNotices, closeNotice, decideObjection, fileObjection } from "./notice.service.js";
export { registrationMigrations } from "./registration.migrations.js";
export * from "./registration.model.js";
export { findRegistration, listRegistrations } from "./registration.repo.js";
export { registrationRoutes } from "./registration.routes.js";
export type { DraftInput } from "./registration.schema.js";
export { createDraft, submit, updateDraft } from "./registration.service.js";
export type { ObjectionRow, RegistrationRow } from "./registration.tables.js";
