import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateLogKey, Sequencer } from "../../src/modules/evidence/index.js";
import { type TestKernel, testKernel } from "../support/kernels.js";

/**
 * On PostgreSQL transactions commit out of `seq` order. An event whose transaction commits late
 * must still enter the log exactly once, never be stepped over (decision 0009).
 */
describe("evidence sequencing with concurrent PostgreSQL transactions", () => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await testKernel("postgres");
  });
  afterAll(() => t.cleanup());

  it("waits for a slow transaction instead of skipping its event", async () => {
    const sequencer = new Sequencer(t.k, await loadOrCreateLogKey(t.k));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let slowStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      slowStarted = resolve;
    });
    const slow = t.k.transaction(async (trx) => {
      await t.k.outbox.emit(trx, { type: "test.slow", subjectIds: [], actor: null, payload: {} });
      slowStarted();
      await gate;
    });
    await started;
    await t.k.transaction((trx) =>
      t.k.outbox.emit(trx, { type: "test.fast", subjectIds: [], actor: null, payload: {} }),
    );

    // The fast event committed, but an older transaction is still open: nothing may be sequenced
    // past it, or its event (with the lower seq) would be stepped over.
    expect(await sequencer.sequenceBatch()).toBe(0);
    release();
    await slow;
    expect(await sequencer.sequenceBatch()).toBe(2);
    const types = (await t.k.db.selectFrom("evidence_entries").select("entry").orderBy("idx").execute()).map(
      (r) => JSON.parse(r.entry.toString()).type,
    );
    expect(types.sort()).toEqual(["test.fast", "test.slow"]);
    expect(await sequencer.sequenceBatch()).toBe(0);
  });
});
