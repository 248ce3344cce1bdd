/** The evidence log (存证/溯源, CT-7): every market event sealed into a verifiable Merkle log. */

export { entryBytes } from "./entry.js";
export { evidenceMigrations } from "./evidence.migrations.js";
export { evidenceRoutes } from "./evidence.routes.js";
export { type LogKey, loadOrCreateLogKey } from "./log-key.js";
export { proveConsistency, proveInclusion } from "./proofs.service.js";
export { type EvidenceRunner, startEvidenceLog } from "./runner.js";
export { Sequencer } from "./sequencer.js";
