import { keyedHash } from "../../kernel/crypto/digest.js";
import { badRequest } from "../../kernel/errors.js";
import { maskResidentId, validateResidentId, validateUscc } from "../../lib/cn-identifiers/index.js";
import { maskValue } from "../../lib/pii/index.js";
import type { IdentifierKind } from "./source-requests.model.js";

/**
 * The identifier a data source names itself by (PR-5, PR-8). Normalised per kind so that the hash,
 * the mask and the node's match all see one spelling; validated where the kind has a check
 * (GB 11643 resident IDs, GB 32100 USCC, mainland mobile numbers, e-mail addresses).
 */
const FIELD = "identifier.value";

export function normaliseIdentifier(kind: IdentifierKind, input: string, today: Date): string {
  const raw = input.normalize("NFKC").trim();
  switch (kind) {
    case "resident_id": {
      const r = validateResidentId(raw, today);
      if (!r.ok)
        throw badRequest("invalid_identifier", `not a valid resident ID number (${r.reason})`, FIELD);
      return r.value;
    }
    case "uscc": {
      const r = validateUscc(raw);
      if (!r.ok) throw badRequest("invalid_identifier", `not a valid USCC (${r.reason})`, FIELD);
      return r.value;
    }
    case "mobile": {
      const national = normaliseMobile(raw);
      if (!national) throw badRequest("invalid_identifier", "not a mainland mobile number", FIELD);
      return national;
    }
    case "email": {
      const email = raw.toLowerCase();
      if (!/^[^\s@]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,63}$/.test(email))
        throw badRequest("invalid_identifier", "not an e-mail address", FIELD);
      return email;
    }
    case "other":
      if (raw.length < 2 || raw.length > 200)
        throw badRequest("invalid_identifier", "give 2 to 200 characters", FIELD);
      return raw;
  }
}

/** 11 national digits of a mainland mobile number (+86 / 0086 and separators dropped), or null. */
export function normaliseMobile(input: string): string | null {
  const digits = input.replace(/[\s()+-]/g, "").replace(/^(?:0086|86)(?=1\d{10}$)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export function maskIdentifier(kind: IdentifierKind, value: string): string {
  if (kind === "resident_id") return maskResidentId(value);
  if (kind === "other") return maskValue("none", value);
  return maskValue(kind, value);
}

/** Keyed hash (HMAC with the `pii-hash` subkey), prefixed with the kind so kinds never collide. */
export const hashIdentifier = (piiKey: Buffer, kind: IdentifierKind, value: string) =>
  keyedHash(piiKey, `${kind}:${value}`);

/** What the exchange knows of the requester from its admission (read by the submitting flow). */
export interface RequesterIdentity {
  /** identity's keyed hash of the resident ID (same key, no kind prefix) */
  residentIdHash: string | null;
  uscc: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

/**
 * Whether the identifier is the requester's own, as far as the exchange can tell: resident IDs and
 * USCCs were checked at admission, e-mail and mobile are the contacts on record. `other` cannot be
 * checked here; it is `undefined` and the holder must satisfy itself before fulfilling.
 */
export function belongsToRequester(
  piiKey: Buffer,
  kind: IdentifierKind,
  value: string,
  who: RequesterIdentity,
): boolean | undefined {
  switch (kind) {
    case "resident_id":
      return who.residentIdHash !== null && keyedHash(piiKey, value) === who.residentIdHash;
    case "uscc":
      return who.uscc !== null && validateUscc(who.uscc).ok && who.uscc.toUpperCase() === value;
    case "email":
      return who.contactEmail !== null && who.contactEmail.trim().toLowerCase() === value;
    case "mobile":
      return who.contactPhone !== null && normaliseMobile(who.contactPhone) === value;
    case "other":
      return undefined;
  }
}
