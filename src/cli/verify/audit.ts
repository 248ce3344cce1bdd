import { randomInt } from "node:crypto";
import { bytesEqual, CompactRange, fromHex, toHex } from "../../lib/merkle/index.js";
import { type Checkpoint, newVerifier, parseVerifierKey } from "../../lib/signed-note/index.js";
import { type LogKeyInput, loadKey, openSigned } from "./inputs.js";
import { LogClient } from "./log-client.js";
import { EntryReader, keyAnswer, type ListedCheckpoint, listedCheckpoints } from "./log-sources.js";
import { Invalid, quote, type Verdict } from "./outcome.js";
import type { Progress } from "./progress.js";
import { checkConsistency, checkInclusion, OrderedChecks, type SignedHead } from "./proof-checks.js";

// `yaosu verify log`: an auditor's full pass over a log (CT-7). Up to the latest signed
// checkpoint it downloads every entry, checks each is canonical JSON with the leaf hash the log
// claims, rebuilds the tree incrementally, and checks every published checkpoint: signature,
// growing sizes, root equal to the recomputed one, a consistency proof from the previous
// checkpoint, and inclusion proofs (always the last entry, plus random samples; every entry with
// --full). Those proofs are built from the log's stored interior nodes, so they catch tampering
// that recomputing from the entries alone cannot see.

export interface AuditOptions {
  url: string;
  key?: string;
  /** random inclusion proofs per checkpoint, besides the last entry's */
  samples: number;
  /** an inclusion proof of every entry in the latest checkpoint */
  full: boolean;
  concurrency: number;
}

export async function auditLog(options: AuditOptions, progress: Progress): Promise<Verdict> {
  const client = LogClient.fromUrl(options.url);
  const key = await logKey(client, options.key);
  const latestNote = await client.bytes("/checkpoint", true);
  const latest = latestNote ? openSigned(latestNote, key, undefined, "latest checkpoint") : null;
  const target = latest?.size ?? 0;
  const entries = new EntryReader(client, target);
  const tree = CompactRange.empty();
  const checks = new OrderedChecks(options.concurrency);
  const latestHead = latest && { size: latest.size, root: latest.rootHash };
  let previous: SignedHead | null = null;
  let checkpoints = 0;
  let proofs = 0;

  progress.start(target);
  try {
    for await (const listed of listedCheckpoints(client, latest ? target : null)) {
      let last: Uint8Array | undefined;
      while (tree.size < listed.size) {
        const entry = await entries.next();
        tree.append(entry.leaf);
        last = entry.leaf;
        if (options.full && latestHead) {
          proofs += 1;
          await checks.add(() => checkInclusion(client, entry.index, latestHead, entry.leaf));
        }
        if (entry.index % 1000 === 999) progress.update(entries.read, checkpoints);
      }
      const head = checkCheckpoint(listed, key, previous, tree, latest);
      if (previous && previous.size > 0 && previous.size < head.size) {
        const older = previous;
        proofs += 1;
        await checks.add(() => checkConsistency(client, older, head));
      }
      for (const index of sampleIndexes(head.size, options.full ? 0 : options.samples)) {
        proofs += 1;
        const leaf = index === head.size - 1 ? last : undefined;
        await checks.add(() => checkInclusion(client, index, head, leaf));
      }
      previous = head;
      checkpoints += 1;
      progress.update(entries.read, checkpoints);
    }
    await checks.drain();
  } catch (error) {
    // Report the earliest problem a sequential audit would have met: pending proofs come first.
    if (error instanceof Invalid && !checks.hasFailed) await checks.drain();
    throw error;
  } finally {
    progress.stop();
  }

  const root = toHex(latest?.rootHash ?? tree.root());
  return {
    summary: `${target} entries, ${checkpoints} checkpoints, root ${root}`,
    details: { origin: key.origin, entries: target, checkpoints, root, proofs, url: client.base },
  };
}

/** The served key, checked against a pinned one when given (otherwise trusted on first use). */
async function logKey(client: LogClient, pinnedKey: string | undefined): Promise<LogKeyInput> {
  const pinned = pinnedKey === undefined ? undefined : await loadKey(pinnedKey);
  const served = await client.json("/key", keyAnswer);
  if (pinned && pinned.vkey !== served.verifierKey) {
    throw new Invalid(
      `the log serves verifier key ${quote(served.verifierKey, 120)}, not the pinned ${pinned.vkey}`,
    );
  }
  if (pinned?.origin !== undefined && pinned.origin !== served.origin) {
    throw new Invalid(`the log's origin is ${quote(served.origin)}, not the pinned ${quote(pinned.origin)}`);
  }
  const parsed = parseVerifierKey(served.verifierKey);
  if (!parsed.ok) throw new Invalid(`the log's verifier key is malformed: ${parsed.reason}`);
  return { vkey: served.verifierKey, verifier: newVerifier(served.verifierKey), origin: served.origin };
}

/** One listed checkpoint against the tree recomputed up to its size. */
function checkCheckpoint(
  listed: ListedCheckpoint,
  key: LogKeyInput,
  previous: SignedHead | null,
  tree: CompactRange,
  latest: Checkpoint | null,
): SignedHead {
  const label = `checkpoint size ${listed.size}`;
  const cp = openSigned(listed.note, key, undefined, label);
  if (cp.size !== listed.size) throw new Invalid(`${label}: its signed note says size ${cp.size}`);
  if (!bytesEqual(cp.rootHash, fromHex(listed.rootHash))) {
    throw new Invalid(`${label}: the listed root ${listed.rootHash} is not the signed ${toHex(cp.rootHash)}`);
  }
  if (previous && cp.size <= previous.size) {
    throw new Invalid(`${label}: comes after size ${previous.size}; sizes must only grow`);
  }
  const recomputed = tree.root();
  if (!bytesEqual(cp.rootHash, recomputed)) {
    throw new Invalid(
      `${label}: signed root ${toHex(cp.rootHash)} but the entries give ${toHex(recomputed)}`,
    );
  }
  if (latest && cp.size === latest.size && !bytesEqual(cp.rootHash, latest.rootHash)) {
    throw new Invalid(`${label}: the latest checkpoint has another root for the same size (a fork)`);
  }
  return { size: cp.size, root: cp.rootHash };
}

/** The last entry and `samples` random others of a tree of `size`, ascending. */
function sampleIndexes(size: number, samples: number): number[] {
  if (size === 0) return [];
  const picked = new Set<number>([size - 1]);
  for (let i = 0; i < samples && picked.size < size; i++) picked.add(randomInt(0, size));
  return [...picked].sort((a, b) => a - b);
}
