import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fromHex,
  leafHash,
  MemoryTree,
  rootFromInclusionProof,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from "../../src/lib/merkle/index.js";
import { newVerifier, openCheckpoint } from "../../src/lib/signed-note/index.js";
import {
  loadOrCreateLogKey,
  proveConsistency,
  proveInclusion,
  Sequencer,
} from "../../src/modules/evidence/index.js";
import { DIALECTS, type TestKernel, testKernel } from "../support/kernels.js";

/** CT-7: committed events become log entries exactly once, and proofs check out independently. */
describe.each(DIALECTS)("evidence sequencer on %s", (dialect) => {
  let t: TestKernel;
  let sequencer: Sequencer;
  const emit = (n: number, from = 0) =>
    t.k.transaction(async (trx) => {
      for (let i = from; i < from + n; i++) {
        await t.k.outbox.emit(trx, {
          type: "test.happened",
          subjectIds: [`obj_${i % 7}`],
          actor: { system: "test" },
          payload: { i, 名称: "数据" },
        });
      }
    });
  const drain = async () => {
    let total = 0;
    for (let n = -1; n !== 0; total += n) n = await sequencer.sequenceBatch();
    return total;
  };
  const entries = async () => t.k.db.selectFrom("evidence_entries").selectAll().orderBy("idx").execute();

  beforeAll(async () => {
    t = await testKernel(dialect);
    sequencer = new Sequencer(t.k, await loadOrCreateLogKey(t.k), { batchSize: 37 });
  });
  afterAll(() => t.cleanup());

  it("appends each committed event once, in order, across batches, and ignores rolled-back ones", async () => {
    await emit(100);
    await t.k
      .transaction(async (trx) => {
        await t.k.outbox.emit(trx, { type: "test.rolled_back", subjectIds: [], actor: null, payload: {} });
        throw new Error("abort");
      })
      .catch(() => undefined);
    expect(await drain()).toBe(100);
    expect(await drain()).toBe(0);
    const rows = await entries();
    expect(rows.map((r) => Number(r.idx))).toEqual([...Array(100).keys()]);
    const payloads = rows.map((r) => JSON.parse(r.entry.toString()).payload.i);
    expect(payloads).toEqual([...Array(100).keys()]);
    expect(rows.every((r) => Buffer.from(leafHash(r.entry)).equals(r.leaf_hash))).toBe(true);
  });

  it("stores each leaf hash once (in the entry) and only interior nodes in the node table", async () => {
    const levels = await t.k.db.selectFrom("evidence_nodes").select("level").distinct().execute();
    expect(levels.map((r) => Number(r.level)).sort((a, b) => a - b)[0]).toBeGreaterThanOrEqual(1);
    const interior = Number(
      (
        await t.k.db
          .selectFrom("evidence_nodes")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(interior).toBe(100 - 3); // a tree of 100 leaves has 100 − popcount(100) complete interior subtrees
  });

  it("stores entries as RFC 8785 canonical JSON (sorted keys, no whitespace)", async () => {
    const [first] = await entries();
    const text = first?.entry.toString("utf8") ?? "";
    expect(text.startsWith('{"actor":{"system":"test"},"id":"evt_')).toBe(true);
    expect(text).not.toMatch(/\s"/);
    expect(text).toContain('"payload":{"i":0,"名称":"数据"}');
  });

  it("publishes signed C2SP checkpoints whose root matches an independent recomputation", async () => {
    expect(await sequencer.maybeCheckpoint(undefined, true)).toBe(true);
    const key = await loadOrCreateLogKey(t.k);
    const note = (
      await t.k.db
        .selectFrom("evidence_checkpoints")
        .select("note")
        .orderBy("size", "desc")
        .executeTakeFirstOrThrow()
    ).note;
    const opened = openCheckpoint(note, newVerifier(key.verifierKey), { origin: key.origin });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const tree = new MemoryTree();
    for (const row of await entries()) tree.append(leafHash(row.entry));
    expect(opened.checkpoint.size).toBe(100);
    expect(toHex(opened.checkpoint.rootHash)).toBe(toHex(tree.root()));
  });

  it("serves inclusion and consistency proofs that verify for every past size", async () => {
    const rows = await entries();
    for (const [index, size] of [
      [0, 1],
      [5, 6],
      [36, 37],
      [63, 100],
      [99, 100],
      [12, 64],
    ] as const) {
      const proof = await proveInclusion(t.k.db, index, size);
      const leaf = new Uint8Array(rows[index]?.leaf_hash ?? []);
      const result = verifyInclusion(leaf, index, size, proof.hashes.map(fromHex), fromHex(proof.rootHash));
      expect(result.ok, `inclusion ${index}@${size}`).toBe(true);
      const recomputed = rootFromInclusionProof(leaf, index, size, proof.hashes.map(fromHex));
      expect(recomputed.ok && toHex(recomputed.root)).toBe(proof.rootHash);
    }
    for (const [from, to] of [
      [1, 100],
      [37, 74],
      [64, 100],
      [99, 100],
      [100, 100],
    ] as const) {
      const proof = await proveConsistency(t.k.db, from, to);
      expect(
        verifyConsistency(from, to, proof.hashes.map(fromHex), fromHex(proof.fromRoot), fromHex(proof.toRoot))
          .ok,
      ).toBe(true);
    }
  });

  it("refuses proofs beyond the log with a 4xx code", async () => {
    await expect(proveInclusion(t.k.db, 5, 101)).rejects.toMatchObject({
      code: "tree_size_out_of_range",
      status: 400,
    });
    await expect(proveInclusion(t.k.db, 100, 100)).rejects.toMatchObject({ code: "index_out_of_range" });
    await expect(proveConsistency(t.k.db, 50, 10)).rejects.toMatchObject({ code: "invalid_range" });
    await expect(proveConsistency(t.k.db, 0, 10)).rejects.toMatchObject({
      code: "invalid_range",
      status: 400,
    });
  });

  it("resumes after a restart with a fresh sequencer (cold right edge) and keeps the tree consistent", async () => {
    await emit(50, 100);
    const again = new Sequencer(t.k, await loadOrCreateLogKey(t.k), { batchSize: 1000 });
    expect(await again.sequenceBatch()).toBe(50);
    const proof = await proveConsistency(t.k.db, 100, 150);
    expect(
      verifyConsistency(100, 150, proof.hashes.map(fromHex), fromHex(proof.fromRoot), fromHex(proof.toRoot))
        .ok,
    ).toBe(true);
    // The first sequencer's cached edge is stale now; it must notice and not fork the tree.
    await emit(3, 150);
    expect(await drain()).toBe(3);
    const tree = new MemoryTree();
    for (const row of await entries()) tree.append(leafHash(row.entry));
    expect((await proveInclusion(t.k.db, 152, 153)).rootHash).toBe(toHex(tree.root()));
  });

  it("indexes trails: every entry about a record, in log order", async () => {
    const trail = await t.k.db
      .selectFrom("evidence_subjects")
      .select("idx")
      .where("subject_id", "=", "obj_3")
      .orderBy("idx")
      .execute();
    expect(trail.map((r) => Number(r.idx))).toEqual([...Array(153).keys()].filter((i) => i % 7 === 3));
  });
});
