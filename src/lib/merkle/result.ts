// Verification never throws on bad input: a proof comes from outside (an API client, a mirror),
// so a bad one is an expected outcome that callers report, not a bug.

export type VerifyFailureCode = "invalid-input" | "proof-length" | "root-mismatch";

export type VerifyFailure = { readonly ok: false; readonly code: VerifyFailureCode; readonly reason: string };
export type VerifyResult = { readonly ok: true } | VerifyFailure;
export type RootResult = { readonly ok: true; readonly root: Uint8Array } | VerifyFailure;

export const VERIFIED: VerifyResult = { ok: true };

export function fail(code: VerifyFailureCode, reason: string): VerifyFailure {
  return { ok: false, code, reason };
}
