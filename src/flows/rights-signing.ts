import { type PublicJwk, signEd25519 } from "../kernel/crypto/ed25519.js";
import { open } from "../kernel/crypto/secret-box.js";
import { isAppError } from "../kernel/errors.js";
import type { Kernel } from "../kernel/kernel.js";
import { decideCirculation, type Grade, type OriginClass } from "../modules/classification/index.js";
import { getParticipant } from "../modules/identity/index.js";
import { findRegistration, isRegistrationVisible } from "../modules/registration/index.js";
import type { RightsPorts } from "../modules/rights/index.js";

/**
 * What the rights module needs from identity and registration (PR-2, PR-4), wired here because a
 * module never imports another. Signing is custodial (ADR 0015): the exchange keeps each
 * participant's Ed25519 private key sealed under the master key (`secret-encryption`, bound to
 * `participant:<id>`) and signs a contract when that participant's admin approves it in the API.
 * The key is opened only for the one signature and never leaves this function. Every proposal
 * asks the circulation rules (PR-1) first: a grant is authorisation, a transfer a trade.
 */
export function rightsPorts(k: Kernel): RightsPorts {
  return {
    parties: {
      async admittedKey(db, participantId) {
        const row = await getParticipant(db, participantId).catch((error: unknown) => {
          if (isAppError(error) && error.status === 404) return null;
          throw error;
        });
        return row?.status === "admitted" ? (JSON.parse(row.public_key_jwk) as PublicJwk) : null;
      },
      async sign(db, participantId, message) {
        const row = await getParticipant(db, participantId);
        const privateKey = open(
          k.keyring.subkey("secret-encryption"),
          row.private_key_sealed,
          `participant:${participantId}`,
        );
        return signEd25519(privateKey, message);
      },
    },
    resourceVisible: (db, viewer, registrationId) => isRegistrationVisible(db, viewer, registrationId),
    async circulation(db, registrationId, mode) {
      const reg = await findRegistration(db, registrationId);
      if (!reg) throw new Error(`right on a missing registration ${registrationId}`);
      const key = {
        originClass: reg.origin_class as OriginClass,
        grade: reg.grade as Grade,
        sensitivePersonal: Number(reg.sensitive_personal) === 1,
      };
      return { mode, ...key, ...(await decideCirculation(db, { ...key, mode })) };
    },
  };
}
