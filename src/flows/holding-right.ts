import type { Reaction } from "../kernel/reactions.js";
import { createHoldingRight, revokeRightsOn } from "../modules/rights/index.js";

/**
 * Registration creates the holding right (PR-2, PR-3): when a resource is registered its holder
 * gets the holding right (数据资源持有权, basis original) in the same transaction; when the
 * registration is cancelled every active right on it is revoked with it.
 */
export const holdingRightOnRegistration: Reaction = {
  name: "holding-right-on-registration",
  on: ["registration.registered"],
  async run(k, trx, event) {
    const { registrationId, holderParticipantId, registrationNumber } = event.payload as {
      registrationId: string;
      holderParticipantId: string;
      registrationNumber: string;
    };
    await createHoldingRight(k, trx, event.actor, {
      registrationId,
      holderParticipantId,
      registrationNumber,
    });
  },
};

export const rightsRevokedOnCancel: Reaction = {
  name: "rights-revoked-on-cancel",
  on: ["registration.cancelled"],
  async run(k, trx, event) {
    const { registrationId } = event.payload as { registrationId: string };
    await revokeRightsOn(k, trx, event.actor, registrationId, "registration cancelled");
  },
};
