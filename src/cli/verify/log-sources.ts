import { z } from "zod";
import { bytesEqual, fromHex, leafHash, toHex } from "../../lib/merkle/index.js";
import { decodeBase64 } from "../../lib/signed-note/index.js";
import { canonicalProblem } from "./canonical.js";
import { count, hash } from "./inputs.js";
import type { LogClient } from "./log-client.js";
import { Invalid } from "./outcome.js";

// The two streams an auditor reads from a log, page by page: every entry from index 0 and every
// published checkpoint, oldest first. Each entry is checked on its own here (position, encoding,
// leaf hash); the tree and the signatures are checked by the caller.

const PAGE = 1000;

export const keyAnswer = z.object({ origin: z.string(), verifierKey: z.string() });
const entriesAnswer = z.object({
  items: z.array(z.object({ index: count, leafHash: hash, entryBase64: z.string() })),
});
const checkpointsAnswer = z.object({
  items: z.array(z.object({ size: count, rootHash: hash, note: z.string() })),
});
export type ListedCheckpoint = z.infer<typeof checkpointsAnswer>["items"][number];

export interface AuditedEntry {
  readonly index: number;
  readonly leaf: Uint8Array;
}

/** Reads entries [0, target) in order, recomputing each leaf hash from the served bytes. */
export class EntryReader {
  private page: z.infer<typeof entriesAnswer>["items"] = [];
  private position = 0;
  private nextIndex = 0;

  constructor(
    private readonly client: LogClient,
    private readonly target: number,
  ) {}

  get read(): number {
    return this.nextIndex;
  }

  async next(): Promise<AuditedEntry> {
    const index = this.nextIndex;
    if (index >= this.target) throw new Error(`entry ${index} is beyond the audited size ${this.target}`);
    if (this.position >= this.page.length) {
      const limit = Math.min(PAGE, this.target - index);
      this.page = (await this.client.json(`/entries?start=${index}&limit=${limit}`, entriesAnswer)).items;
      this.position = 0;
      if (this.page.length === 0) {
        throw new Invalid(
          `entry ${index}: the log serves no such entry though its checkpoint has size ${this.target}`,
        );
      }
    }
    const item = this.page[this.position++] as (typeof this.page)[number];
    if (item.index !== index) {
      throw new Invalid(`entry ${index}: the log served entry ${item.index} in its place`);
    }
    const bytes = decodeBase64(item.entryBase64);
    if (!bytes) throw new Invalid(`entry ${index}: entryBase64 is not canonical base64`);
    const problem = canonicalProblem(bytes);
    if (problem) throw new Invalid(`entry ${index}: the entry bytes ${problem}`);
    const leaf = leafHash(bytes);
    if (!bytesEqual(leaf, fromHex(item.leafHash))) {
      throw new Invalid(
        `entry ${index}: the log gives leaf hash ${item.leafHash.toLowerCase()} but the entry bytes hash to ${toHex(leaf)}`,
      );
    }
    this.nextIndex = index + 1;
    return { index, leaf };
  }
}

/**
 * Every listed checkpoint of size ≤ target, oldest first. Pages by size, so the sizes must grow
 * strictly; the list must reach `target` exactly (the latest checkpoint) when there is one.
 */
export async function* listedCheckpoints(
  client: LogClient,
  target: number | null,
): AsyncGenerator<ListedCheckpoint> {
  let after = -1;
  for (;;) {
    const query = after < 0 ? `limit=${PAGE}` : `after=${after}&limit=${PAGE}`;
    const { items } = await client.json(`/checkpoints?${query}`, checkpointsAnswer);
    if (items.length === 0) break;
    for (const item of items) {
      if (item.size <= after) {
        throw new Invalid(`checkpoint size ${item.size}: listed after size ${after}; sizes must only grow`);
      }
      if (target === null || item.size > target) break;
      yield item;
      after = item.size;
      if (item.size === target) return;
    }
    if (target === null || items.some((item) => item.size > target)) break;
  }
  if (target !== null) {
    throw new Invalid(`checkpoint size ${target}: the latest checkpoint is missing from the checkpoint list`);
  }
}
