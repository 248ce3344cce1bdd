import type { PublicJwk } from "../../kernel/crypto/ed25519.js";
import type { AnyDb } from "../../kernel/db/database.js";
import type { Principal } from "../../kernel/http/access.js";

/**
 * What the rights module needs from others, handed in by the composition root (flows implement
 * these; a module never imports another module).
 */
export type Viewer = Pick<Principal, "participantId" | "participantType"> | null;

/** The parties' keys. The exchange holds them and signs on a party's approval (ADR 0015). */
export interface ContractParties {
  /** the public key of an admitted participant; null for anyone else (unknown, pending, exited…) */
  admittedKey(db: AnyDb, participantId: string): Promise<PublicJwk | null>;
  /** the participant's Ed25519 signature of `message` */
  sign(db: AnyDb, participantId: string, message: Uint8Array): Promise<Uint8Array>;
}

/**
 * What the circulation rules (PR-1, classification module) say of a resource for one mode: a
 * grant is authorisation (授权), a transfer is a trade (交易).
 */
export interface CirculationVerdict {
  mode: "authorise" | "trade";
  decision: "allowed" | "allowed_with_review" | "forbidden";
  conditions: string[];
  protections: string[];
  ruleVersion: number;
  /** the rule's key, to name it when refusing */
  originClass: string;
  grade: string;
  sensitivePersonal: boolean;
}

export interface RightsPorts {
  parties: ContractParties;
  /** the circulation rule for the registered resource `registrationId` and `mode` */
  circulation(
    db: AnyDb,
    registrationId: string,
    mode: CirculationVerdict["mode"],
  ): Promise<CirculationVerdict>;
  /** whether `viewer` may see the registration a right is on (the registration module's rule) */
  resourceVisible(db: AnyDb, viewer: Viewer, registrationId: string): Promise<boolean>;
}
