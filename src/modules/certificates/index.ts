/** Registration certificates (PR-3): a JWS signed by the exchange for every registered resource. */

export {
  CERTIFICATE_ALG,
  CERTIFICATE_STATUSES,
  CERTIFICATE_TYP,
  type CertificatePayload,
  type CertificateStatus,
  EVENTS as CERTIFICATE_EVENTS,
} from "./certificate.model.js";
export { type CertificateKey, loadOrCreateCertificateKey } from "./certificate-key.js";
export { certificateMigrations } from "./certificates.migrations.js";
export { certificateRoutes } from "./certificates.routes.js";
export { type IssuedCertificate, issueCertificate } from "./certificates.service.js";
export { revokeCertificateOf } from "./revocation.service.js";
export { registrationNumbersOf, supersedeCertificate, supersededCertificates } from "./supersede.service.js";
