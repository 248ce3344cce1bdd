import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EvidenceRunner, startEvidenceLog } from "../../src/modules/evidence/index.js";
import { type TestKernel, testKernel } from "../support/kernels.js";

/**
 * A PostgreSQL restart, failover or killed backend must not end the exchange: the sequencer
 * competes for leadership again on a fresh connection and sequencing resumes.
 */
describe("evidence sequencer when PostgreSQL drops its connection", () => {
  let t: TestKernel;
  let runner: EvidenceRunner;
  beforeAll(async () => {
    t = await testKernel("postgres");
    runner = await startEvidenceLog(t.k);
  });
  afterAll(async () => {
    await runner.stop();
    await t.cleanup();
  });

  const lockHolder = async () => {
    const { rows } = await sql<{ pid: number }>`select pid from pg_locks
      where locktype = 'advisory' and classid = ${0x79616f73} and objid = ${0x65766964} and granted
        and database = (select oid from pg_database where datname = current_database())`.execute(t.k.db);
    return rows[0]?.pid ?? null;
  };
  const size = async () =>
    Number((await t.k.db.selectFrom("evidence_state").select("size").executeTakeFirstOrThrow()).size);
  const waitFor = async (what: string, check: () => Promise<boolean>) => {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it("keeps the process alive and resumes sequencing on a new connection", async () => {
    await waitFor("leadership", async () => (await lockHolder()) !== null);
    const before = await lockHolder();
    await sql`select pg_terminate_backend(${before})`.execute(t.k.db);
    await t.k.transaction((trx) =>
      t.k.outbox.emit(trx, { type: "test.after_loss", subjectIds: [], actor: null, payload: {} }),
    );
    await waitFor("a new leader", async () => {
      const now = await lockHolder();
      return now !== null && now !== before;
    });
    const sequencedTypes = async () =>
      (await t.k.db.selectFrom("evidence_entries").select("entry").execute()).map(
        (r) => JSON.parse(r.entry.toString()).type,
      );
    await waitFor("the event to be sequenced", async () =>
      (await sequencedTypes()).includes("test.after_loss"),
    );
    expect((await sequencedTypes()).filter((type) => type === "test.after_loss")).toHaveLength(1);
    expect(await size()).toBe((await sequencedTypes()).length);
    expect(runner.isLeader()).toBe(true);
  }, 30_000);
});
