import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexText } from "../../src/modules/catalog/index.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { registry } from "./helpers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/yaosu.js", import.meta.url));

/** The built CLI against the test's database, configured only through the environment. */
function yaosu(env: Record<string, string>, ...args: string[]) {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!name.startsWith("YAOSU_")) clean[name] = value;
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, timeout: 60_000, env: { ...clean, NO_COLOR: "1", ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
    ),
  );
}

/** `yaosu catalog reindex` rebuilds the catalog from the registry (PR-3 searchable after upgrades). */
describe.each(DIALECTS)("yaosu catalog reindex on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());
  const r = registry(() => t);

  it("PR-3: restores lost items and removes stale ones, evidenced by an event", async () => {
    const kept = await r.inNotice("enterprise-a", { name: "命令行重建测试" });
    const {
      doc: _,
      search_vector: __,
      ...row
    } = await t.k.db
      .selectFrom("catalog_items")
      .selectAll()
      .where("registration_id", "=", kept)
      .executeTakeFirstOrThrow();
    await t.k.db.deleteFrom("catalog_items").where("registration_id", "=", kept).execute();
    // an item whose registration is gone (say, a projection bug fixed by an upgrade)
    await t.k.db
      .insertInto("catalog_items")
      .values({ ...row, registration_id: "reg_gone", name: "幽灵条目", title_tokens: indexText("幽灵条目") })
      .execute();
    expect(await r.ids("q=幽灵条目")).toHaveLength(1);
    const stale = (await t.k.db.selectFrom("catalog_items").select("registration_id").execute()).length - 1;
    expect(await r.ids("q=命令行重建")).toEqual([]);
    // the server's facet index is loaded now; the CLI's writes, from another process, must reach it
    expect((await r.search("q=命令行重建")).total).toBe(0);
    const env = {
      YAOSU_DATA_DIR: t.config.dataDir,
      YAOSU_DATABASE_URL: t.config.databaseUrl,
      YAOSU_MASTER_KEY: t.config.masterKey as string,
    };
    const run = await yaosu(env, "catalog", "reindex", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ indexed: stale + 1, removed: 1 });
    expect(await r.ids("q=命令行重建")).toEqual([kept]);
    expect(await r.ids("q=幽灵条目")).toEqual([]);
    const rebuilt = await r.search("q=命令行重建");
    expect(rebuilt.total).toBe(1);
    expect(rebuilt.facets.status).toEqual([{ value: "in_notice", count: 1 }]);
    expect((await r.search("q=幽灵条目")).total).toBe(0);
    const events = (await t.k.outbox.readAfter(t.k.db, 0, 100_000)).filter(
      (e) => e.type === "catalog.reindexed",
    );
    expect(events.at(-1)?.payload).toEqual({ indexed: stale + 1, removed: 1 });
    const human = await yaosu(env, "catalog", "reindex");
    expect(human.stdout).toMatch(/catalog reindexed: \d+ items, 0 stale removed/);
  }, 60_000);
});
