import { performance } from "node:perf_hooks";
import type { AnyDb } from "../../kernel/db/database.js";
import type { Kernel } from "../../kernel/kernel.js";
import { CompactRange, leafHash } from "../../lib/merkle/index.js";
import { formatCheckpoint, signNote } from "../../lib/signed-note/index.js";
import { entryBytes } from "./entry.js";
import {
  advanceState,
  insertCheckpoint,
  insertEntries,
  insertNodes,
  insertSubjects,
  latestCheckpoint,
  readState,
  treeReader,
} from "./evidence.repo.js";
import type { EntryRow, NodeRow, SubjectRow } from "./evidence.tables.js";
import type { LogKey } from "./log-key.js";

/**
 * Moves committed outbox events into the append-only Merkle log (CT-7), in batches: one
 * transaction appends up to `batchSize` entries with their tree nodes and trail rows and moves
 * the cursor — so an event is sequenced exactly once, and throughput does not hinge on one
 * commit per event (group commit). The right edge of the tree (the compact range) is kept in
 * memory between batches and reloaded from stored nodes whenever it might be stale.
 */
export interface SequencerOptions {
  batchSize?: number;
}

export class Sequencer {
  private range: CompactRange | null = null;
  private lastCheckpointAt = Number.NEGATIVE_INFINITY;
  private lastCheckpointSize = -1;
  readonly batchSize: number;

  constructor(
    private readonly k: Kernel,
    private readonly logKey: LogKey,
    options: SequencerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 4000;
  }

  /** Appends the next batch of committed events; returns how many entries were appended. */
  async sequenceBatch(db: AnyDb = this.k.db): Promise<number> {
    const { k } = this;
    // The new right edge is adopted only once its transaction has committed.
    let appended: CompactRange | null = null;
    try {
      const count = await db.transaction().execute(async (trx) => {
        const state = await readState(trx);
        const events = await k.outbox.readCommitted(
          trx,
          k.database.dialect,
          { txId: state.cursor_tx, seq: state.cursor_seq },
          this.batchSize,
        );
        if (events.length === 0) return 0;
        const range =
          this.range?.size === state.size
            ? this.range.clone()
            : await CompactRange.load(treeReader(trx), state.size);
        const at = k.clock.now().toISOString();
        const entries: EntryRow[] = [];
        const nodes: NodeRow[] = [];
        const subjects: SubjectRow[] = [];
        for (const event of events) {
          const idx = range.size;
          const entry = entryBytes(event);
          const hash = leafHash(entry);
          entries.push({ idx, event_id: event.id, entry, leaf_hash: Buffer.from(hash), sequenced_at: at });
          for (const node of range.append(hash)) {
            // Leaves (level 0) are the entries' leaf_hash: stored once, not again as nodes.
            if (node.level > 0)
              nodes.push({ level: node.level, idx: node.index, hash: Buffer.from(node.hash) });
          }
          for (const subject of new Set(event.subjectIds)) subjects.push({ subject_id: subject, idx });
        }
        await insertEntries(trx, entries);
        await insertNodes(trx, nodes);
        await insertSubjects(trx, subjects);
        const last = events[events.length - 1];
        await advanceState(trx, state, {
          size: range.size,
          cursor_tx: last?.txId ?? 0,
          cursor_seq: last?.seq ?? 0,
        });
        appended = range;
        return events.length;
      });
      if (appended) this.range = appended;
      return count;
    } catch (error) {
      this.range = null;
      throw error;
    }
  }

  /**
   * Publishes a signed checkpoint if the tree grew and the last one is older than the interval
   * (or `force`). Checkpoints are kept forever: auditors recheck every one.
   */
  async maybeCheckpoint(db: AnyDb = this.k.db, force = false): Promise<boolean> {
    const now = performance.now();
    if (!force && now - this.lastCheckpointAt < this.k.config.checkpointIntervalMs) return false;
    const state = await readState(db);
    if (this.lastCheckpointSize < 0)
      this.lastCheckpointSize = Number((await latestCheckpoint(db))?.size ?? -1);
    if (state.size <= this.lastCheckpointSize) return false;
    const range =
      this.range?.size === state.size ? this.range : await CompactRange.load(treeReader(db), state.size);
    const root = range.root();
    const text = formatCheckpoint({
      origin: this.logKey.origin,
      size: state.size,
      rootHash: root,
      extensions: [],
    });
    await insertCheckpoint(db, {
      size: state.size,
      root_hash: Buffer.from(root),
      note: signNote(text, [this.logKey.signer]),
      created_at: this.k.clock.now().toISOString(),
    });
    this.lastCheckpointAt = now;
    this.lastCheckpointSize = state.size;
    return true;
  }
}
