import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../src/kernel/db/migrations.js";
import { allMigrations } from "../../src/server/migrations.js";
import { DIALECTS, type TestKernel, testKernel } from "../support/kernels.js";

/** The outbox and migrations behave the same on both engines (DESIGN "Invariants"). */
describe.each(DIALECTS)("kernel on %s", (dialect) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await testKernel(dialect);
  });
  afterAll(() => t.cleanup());

  it("writes an event only if the caller's transaction commits", async () => {
    const before = await t.k.outbox.readAfter(t.k.db, 0, 1000);
    await expect(
      t.k.transaction(async (trx) => {
        await t.k.outbox.emit(trx, { type: "test.rolled_back", subjectIds: ["x"], actor: null, payload: {} });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const committed = await t.k.transaction((trx) =>
      t.k.outbox.emit(trx, {
        type: "test.committed",
        subjectIds: ["ptc_1", "usr_2"],
        actor: { system: "test" },
        payload: { n: 1, 中文: "是" },
      }),
    );
    const after = await t.k.outbox.readAfter(t.k.db, 0, 1000);
    expect(after.map((e) => e.type)).not.toContain("test.rolled_back");
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual(committed);
    expect(committed).toMatchObject({
      subjectIds: ["ptc_1", "usr_2"],
      actor: { system: "test" },
      payload: { n: 1, 中文: "是" },
    });
    expect(committed.occurredAt).toBe(t.clock.now().toISOString());
  });

  it("numbers events in commit order and reads them after a sequence number", async () => {
    const emitted = [];
    for (let i = 0; i < 5; i++)
      emitted.push(
        await t.k.transaction((trx) =>
          t.k.outbox.emit(trx, { type: "test.seq", subjectIds: [], actor: null, payload: { i } }),
        ),
      );
    const seqs = emitted.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const tail = await t.k.outbox.readAfter(t.k.db, seqs[1] ?? 0, 2);
    expect(tail.map((e) => e.payload.i)).toEqual([2, 3]);
  });

  it("applies migrations once: running them again changes nothing", async () => {
    expect(await migrateToLatest(t.k.db, t.k.database.dialect, allMigrations)).toEqual([]);
  });
});

describe.each(DIALECTS)("event publisher (group commit) on %s", (dialect) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await testKernel(dialect);
  });
  afterAll(() => t.cleanup());

  it("writes concurrently published events together and gives each caller its own receipt", async () => {
    const published = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        t.k.events.publish({ type: "test.published", subjectIds: [`obj_${i}`], actor: null, payload: { i } }),
      ),
    );
    expect(new Set(published.map((e) => e.id)).size).toBe(300);
    expect(published.map((e) => e.payload.i)).toEqual([...Array(300).keys()]);
    const stored = (await t.k.outbox.readAfter(t.k.db, 0, 1000)).filter((e) => e.type === "test.published");
    expect(stored.map((e) => e.id)).toEqual(published.map((e) => e.id));
    // One turn of the event loop, one transaction: on PostgreSQL they share a transaction id.
    if (dialect === "postgres") expect(new Set(stored.map((e) => e.txId)).size).toBe(1);
  });

  it("fails only the caller whose event cannot be stored, not the others in its batch", async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const bad = t.k.events.publish({ type: "test.bad", subjectIds: [], actor: null, payload: cyclic });
    const good = t.k.events.publish({ type: "test.good", subjectIds: [], actor: null, payload: {} });
    await expect(bad).rejects.toThrow();
    expect((await good).type).toBe("test.good");
    const types = (await t.k.outbox.readAfter(t.k.db, 0, 10_000)).map((e) => e.type);
    expect(types).toContain("test.good");
    expect(types).not.toContain("test.bad");
  });
});
