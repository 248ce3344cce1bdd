// Runs "verify it yourself" for one entry: fetches the raw bytes, the signed checkpoint, the
// verifier key and an inclusion proof for exactly the checkpoint's tree size, then hands them
// to verify.ts. Nothing the server says is trusted except the verifier key.
import { useMutation } from "@tanstack/react-query";
import { ApiError } from "../../app/api.js";
import { fetchCheckpointNote, fetchKey, fetchProof, fetchRawEntry } from "./api.js";
import {
  parseCheckpoint,
  parseSignedNote,
  type VerifyReport,
  verifyEntry,
  WebCryptoUnavailableError,
  webCryptoSupport,
} from "./verify.js";

/** The entry is newer than the latest checkpoint: there is nothing to verify it against yet. */
export class NotYetCheckpointedError extends Error {
  constructor(readonly size: number) {
    super(`the latest checkpoint has tree size ${size}`);
    this.name = "NotYetCheckpointedError";
  }
}

export interface VerifyTarget {
  index: number;
  leafHash: string;
  entry: unknown;
}

async function runVerification(target: VerifyTarget): Promise<VerifyReport> {
  const support = await webCryptoSupport();
  if (support !== "ok") throw new WebCryptoUnavailableError(support);

  const [key, note, bytes] = await Promise.all([
    fetchKey(),
    fetchCheckpointNote(),
    fetchRawEntry(target.index),
  ]);
  // The size is read (not yet trusted) only to ask for a proof against this very checkpoint;
  // verifyEntry then folds the proof for the signed size.
  const unverified = parseSignedNote(note);
  const size = unverified ? parseCheckpoint(unverified.text)?.size : undefined;
  if (size !== undefined && target.index >= size) throw new NotYetCheckpointedError(size);
  // A server that refuses a proof for the size it signed (or claims to have signed) fails the
  // check; it is not a reason to show no verdict. Network and server errors still surface.
  const proof =
    size === undefined
      ? null
      : await fetchProof(target.index, size).catch((error: unknown) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return null;
          throw error;
        });

  return verifyEntry({
    index: target.index,
    entryBytes: bytes,
    claimedLeafHash: target.leafHash,
    shownEntry: target.entry,
    proofHashes: proof?.hashes ?? [],
    checkpointNote: note,
    verifierKey: key.verifierKey,
    expectedOrigin: key.origin,
  });
}

export function useVerifyEntry() {
  return useMutation({ mutationFn: runVerification });
}
