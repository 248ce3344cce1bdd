import type { Reaction } from "../kernel/reactions.js";
import { registrationNumbersOf, supersedeCertificate } from "../modules/certificates/index.js";

/** An applied change registration supersedes the resource's certificate, in the same transaction (PR-3). */
export const supersedeCertificateOnChange: Reaction = {
  name: "certificate-supersession",
  on: ["registration.changed"],
  async run(k, trx, event) {
    const { registrationNumber } = event.payload as { registrationNumber: string | null };
    if (registrationNumber) await supersedeCertificate(k, trx, event.actor, registrationNumber);
  },
};

/** A succession moving registrations to a successor supersedes their certificates (PR-4): they named the predecessor. */
export const supersedeCertificatesOnHolderMove: Reaction = {
  name: "certificate-supersession-on-succession",
  on: ["registration.holder_moved"],
  async run(k, trx, event) {
    const { registrationIds } = event.payload as { registrationIds: string[] };
    for (const number of await registrationNumbersOf(trx, registrationIds))
      await supersedeCertificate(k, trx, event.actor, number);
  },
};
