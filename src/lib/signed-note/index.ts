// Public surface of the C2SP signed-note / tlog-checkpoint / tlog-cosignature library (pure).
export { decodeBase64, encodeBase64 } from "./base64.js";
export {
  type Checkpoint,
  type CheckpointResult,
  formatCheckpoint,
  type OpenCheckpointResult,
  openCheckpoint,
  parseCheckpoint,
  ROOT_HASH_SIZE,
} from "./checkpoint.js";
export {
  COSIGNATURE_V1_SIZE,
  type Cosignature,
  cosignatureMessage,
  cosignatureVerifier,
  cosigner,
  parseCosignature,
} from "./cosignature.js";
export {
  computeKeyId,
  ed25519Signer,
  ed25519Verifier,
  formatVerifierKey,
  generateSignerKey,
  type KeyParseResult,
  keyIdHex,
  type NoteSigner,
  type NoteVerifier,
  newSigner,
  parseSignerKey,
  parseVerifierKey,
  SIG_TYPE_COSIGNATURE_V1,
  SIG_TYPE_ED25519,
  type SignerKey,
  type VerifierKey,
} from "./keys.js";
export {
  DEFAULT_MAX_SIGNATURES,
  formatSignatureLine,
  type NoteFailure,
  type NoteFailureCode,
  type NoteSignature,
  type OpenNoteResult,
  openNote,
  type ParsedNote,
  type ParseNoteResult,
  parseNote,
  signNote,
} from "./note.js";
export { newVerifier } from "./verifiers.js";
