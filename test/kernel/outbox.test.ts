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
