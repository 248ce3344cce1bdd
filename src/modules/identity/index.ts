/** Identity and admission (SG-12, CT-6): participants, users, sessions, API keys, signing keys. */

export {
  type AdmissionApplication,
  applyForAdmission,
  transitionParticipant,
  transitionParticipantIn,
} from "./admission.service.js";
export { admissionRoutes } from "./admissions.routes.js";
export { issueApiKey } from "./api-keys.service.js";
export { authRoutes } from "./auth.routes.js";
export { login } from "./auth.service.js";
export { identityAuthenticator } from "./authenticate.js";
export { identityMigrations } from "./identity.migrations.js";
export * from "./identity.model.js";
export { listParticipants } from "./participants.repo.js";
export { participantRoutes } from "./participants.routes.js";
export {
  createParticipant,
  getParticipant,
  type NewParticipant,
  type Participant,
  presentParticipant,
} from "./participants.service.js";
export { teamRoutes } from "./team.routes.js";
export { findUserByUsername, listUsers } from "./users.repo.js";
export { createUser, presentUser, type User } from "./users.service.js";
