// The rights vocabulary and answer shapes, taken from the server (pure constants and type-only
// imports: no server code is bundled), so the portal and the API cannot disagree.
import type { z } from "zod";
import type { SuccessionEvent } from "../../../../src/flows/succession-movers.js";
import type {
  contractSchema,
  proposalBody,
  rightSchema,
} from "../../../../src/modules/rights/rights.schema.js";

export {
  CONTRACT_DOCUMENT_TYPE,
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  type ContractKind,
  type ContractStatus,
  GRANTABLE,
  RIGHT_BASES,
  RIGHT_KINDS,
  RIGHT_STATUSES,
  type RightBasis,
  type RightKind,
  type RightStatus,
} from "../../../../src/modules/rights/rights.model.js";

export type Right = z.infer<typeof rightSchema>;
export type Contract = z.infer<typeof contractSchema>;
export type Proposal = z.input<typeof proposalBody>;
export type ContractSignature = NonNullable<Contract["signatures"]["holder"]>;

/** Mirrors src/flows/succession-movers.ts (a flow module: its constants come with server imports). */
export const SUCCESSION_EVENTS = [
  "merger",
  "split",
  "dissolution",
  "bankruptcy",
] as const satisfies readonly SuccessionEvent[];
export type { SuccessionEvent };

export interface SuccessionBody {
  event: SuccessionEvent;
  successors: string[];
  allocation?: Record<string, string>;
  reason: string;
}

export interface SuccessionResult {
  successionId: string;
  event: SuccessionEvent;
  predecessorParticipantId: string;
  successorParticipantIds: string[];
  moved: Record<string, unknown[]>;
  completedAt: string;
}

/** Participant ids as the API spells them (ptc_ + ULID). */
export const PARTICIPANT_ID = /^ptc_[0-9A-HJKMNP-TV-Z]{26}$/;
