import type { Reaction } from "../kernel/reactions.js";
import { revokeCertificateOf } from "../modules/certificates/index.js";

/** Cancelling a registration revokes its certificate in the same transaction (PR-3). */
export const revokeCertificateOnCancel: Reaction = {
  name: "certificate-revocation",
  on: ["registration.cancelled"],
  async run(k, trx, event) {
    const { registrationId, reason } = event.payload as { registrationId: string; reason?: string };
    await revokeCertificateOf(k, trx, event.actor, registrationId, reason ?? "registration cancelled");
  },
};
