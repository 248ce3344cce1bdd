import type { Reaction } from "../kernel/reactions.js";
import { catalogProjection } from "./catalog-projection.js";
import { revokeCertificateOnCancel } from "./certificate-revocation.js";
import {
  supersedeCertificateOnChange,
  supersedeCertificatesOnHolderMove,
} from "./certificate-supersession.js";
import { holdingRightOnRegistration, rightsRevokedOnCancel } from "./holding-right.js";

/**
 * Every reaction of every flow (see src/kernel/reactions.ts). The composition roots — the server
 * runtime and the CLI — hand this list to the kernel, so a module's events have the same
 * consequences wherever the change is made.
 */
export const allReactions: Reaction[] = [
  revokeCertificateOnCancel,
  supersedeCertificateOnChange,
  supersedeCertificatesOnHolderMove,
  catalogProjection,
  holdingRightOnRegistration,
  rightsRevokedOnCancel,
];
