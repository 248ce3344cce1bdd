import { cosignatureVerifier } from "./cosignature.js";
import { ed25519Verifier, type NoteVerifier, parseVerifierKey, SIG_TYPE_ED25519 } from "./keys.js";

/**
 * A verifier for a vkey of type 0x01 (Ed25519 note signature) or 0x04 (Ed25519 cosignature/v1).
 * Throws on a malformed vkey: keys are configuration, and a bad one should stop start-up.
 */
export function newVerifier(vkey: string): NoteVerifier {
  const parsed = parseVerifierKey(vkey);
  if (!parsed.ok) throw new TypeError(`invalid verifier key: ${parsed.reason}`);
  const { name, type, publicKey } = parsed.key;
  return type === SIG_TYPE_ED25519 ? ed25519Verifier(name, publicKey) : cosignatureVerifier(name, publicKey);
}
