import {
  emptyRoot,
  fromHex,
  leafHash,
  MemoryTree,
  toHex,
  verifyConsistency,
} from "../../src/lib/merkle/index.js";
import { type Checkpoint, newVerifier, openCheckpoint } from "../../src/lib/signed-note/index.js";
import { getJson } from "./server-process.js";

/**
 * Audits a running server's evidence log from the outside, through the public API only, the way
 * an independent verifier would.
 */

export interface LogKeyInfo {
  origin: string;
  verifierKey: string;
}

export interface SignedCheckpoint extends Checkpoint {
  note: string;
}

export const logKeyOf = (url: string) => getJson<LogKeyInfo>(`${url}/api/v1/evidence/key`);

/** The latest checkpoint, its signature checked against the log key; undefined before the first. */
export async function fetchCheckpoint(url: string, key: LogKeyInfo): Promise<SignedCheckpoint | undefined> {
  const response = await fetch(`${url}/api/v1/evidence/checkpoint`, { signal: AbortSignal.timeout(10_000) });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET checkpoint: ${response.status} ${await response.text()}`);
  return openSigned(await response.text(), key);
}

export function openSigned(note: string, key: LogKeyInfo): SignedCheckpoint {
  const opened = openCheckpoint(note, newVerifier(key.verifierKey), { origin: key.origin });
  if (!opened.ok) throw new Error(`checkpoint does not verify: ${opened.reason}\n${note}`);
  return { ...opened.checkpoint, note };
}

export interface LogEntry {
  index: number;
  bytes: Buffer;
  leafHash: Uint8Array;
  event: { id: string; type: string; subjectIds: string[]; payload: Record<string, unknown> };
}

/** Every entry of the log, with its exact bytes, paged 1000 at a time. */
export async function fetchAllEntries(url: string): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  for (;;) {
    const page = await getJson<{ items: { index: number; leafHash: string; entryBase64: string }[] }>(
      `${url}/api/v1/evidence/entries?start=${entries.length}&limit=1000`,
    );
    for (const item of page.items) {
      if (item.index !== entries.length)
        throw new Error(`entries are not contiguous: expected index ${entries.length}, got ${item.index}`);
      const bytes = Buffer.from(item.entryBase64, "base64");
      const hash = leafHash(bytes);
      // The served leaf hash must be the hash of the served bytes.
      if (toHex(hash) !== item.leafHash)
        throw new Error(`entry ${item.index}: leaf hash does not match its bytes`);
      entries.push({ index: item.index, bytes, leafHash: hash, event: JSON.parse(bytes.toString("utf8")) });
    }
    if (page.items.length < 1000) return entries;
  }
}

export interface AuditResult {
  entries: LogEntry[];
  checkpoint: SignedCheckpoint;
  /** roots recomputed from the entries (hex), by tree size (0..n) */
  rootAt(size: number): string;
}

/**
 * Audits the whole log against its latest signed checkpoint: every leaf hash and the root are
 * recomputed from the entries' bytes, no event appears twice, and every checkpoint the log ever
 * published (this server's `/checkpoints`) has the root of the recomputed tree at its size — the
 * log never forked. Throws with the first discrepancy.
 */
export async function auditLog(url: string, key: LogKeyInfo): Promise<AuditResult> {
  const checkpoint = await fetchCheckpoint(url, key);
  if (!checkpoint) throw new Error("no checkpoint published");
  const entries = await fetchAllEntries(url);
  if (entries.length < checkpoint.size)
    throw new Error(`checkpoint covers ${checkpoint.size} entries but only ${entries.length} are served`);
  const tree = new MemoryTree();
  const roots: string[] = [toHex(emptyRoot())];
  for (const entry of entries) {
    tree.append(entry.leafHash);
    roots.push(toHex(tree.root()));
  }
  const rootAt = (size: number) => {
    const root = roots[size];
    if (root === undefined) throw new RangeError(`no recomputed root for size ${size}`);
    return root;
  };
  if (rootAt(checkpoint.size) !== toHex(checkpoint.rootHash))
    throw new Error(`recomputed root at ${checkpoint.size} differs from the signed checkpoint`);
  const ids = new Map<string, number>();
  for (const entry of entries) {
    const first = ids.get(entry.event.id);
    if (first !== undefined)
      throw new Error(`event ${entry.event.id} is in the log twice: entries ${first} and ${entry.index}`);
    ids.set(entry.event.id, entry.index);
  }
  let after: number | null = null;
  for (;;) {
    const page: { items: { size: number; rootHash: string; note: string }[] } = await getJson(
      `${url}/api/v1/evidence/checkpoints?limit=1000${after === null ? "" : `&after=${after}`}`,
    );
    for (const item of page.items) {
      const opened = openSigned(item.note, key);
      if (opened.size !== item.size || toHex(opened.rootHash) !== item.rootHash)
        throw new Error(`checkpoint ${item.size}: listed fields differ from its signed note`);
      if (opened.size <= entries.length && rootAt(opened.size) !== item.rootHash)
        throw new Error(`published checkpoint of size ${item.size} is not a prefix of the log (fork)`);
      after = item.size;
    }
    if (page.items.length < 1000) break;
  }
  return { entries, checkpoint, rootAt };
}

/**
 * Asks the server for a consistency proof between two signed checkpoints and verifies it
 * against the roots they sign (not the roots the proof answer claims).
 */
export async function checkConsistency(url: string, from: Checkpoint, to: Checkpoint): Promise<void> {
  const proof = await getJson<{ hashes: string[] }>(
    `${url}/api/v1/evidence/consistency?from=${from.size}&to=${to.size}`,
  );
  const result = verifyConsistency(from.size, to.size, proof.hashes.map(fromHex), from.rootHash, to.rootHash);
  if (!result.ok)
    throw new Error(`consistency ${from.size} → ${to.size} does not verify: ${result.code} ${result.reason}`);
}
