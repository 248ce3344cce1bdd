import pg from "pg";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { createTestDatabase } from "../support/pg.js";

const adminUrl = inject("pgAdminUrl");
let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase(adminUrl);
});
// Idempotent, so it also cleans up when the test fails before its own drop.
afterAll(() => db?.drop());

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

test("a test database is real, isolated and dropped afterwards", async () => {
  const name = new URL(db.url).pathname.slice(1);
  expect(name).toMatch(/^yaosu_t_/);
  expect(await databaseExists(name)).toBe(true);

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows: who } = await client.query<{ db: string }>("SELECT current_database() AS db");
    expect(who[0]?.db).toBe(name);
    await client.query("CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL)");
    await client.query("INSERT INTO item VALUES ($1, $2)", [1, "数据要素"]);
    const { rows } = await client.query("SELECT id, label FROM item");
    expect(rows).toEqual([{ id: 1, label: "数据要素" }]);
  } finally {
    await client.end();
  }

  await db.drop();
  expect(await databaseExists(name)).toBe(false);
});
