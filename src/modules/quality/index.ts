/** The data-quality loop: feedback and objections on registered resources (SG-7). */

export { qualityMigrations } from "./quality.migrations.js";
export * from "./quality.model.js";
export { presentFeedback } from "./quality.present.js";
export { qualityRoutes } from "./quality.routes.js";
export { feedbackSchema, fileBody } from "./quality.schema.js";
export { decide, escalate, fileFeedback, type NewFeedback, resolve, respond } from "./quality.service.js";
export type { FeedbackRow } from "./quality.tables.js";
export { reassignOpenFeedback } from "./succession.service.js";
