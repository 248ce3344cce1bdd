import { randomBytes } from "node:crypto";
import pg from "pg";

// One database per test file: files run in parallel on one server, so sharing a database would
// make tests depend on each other's rows and schema.
export async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `yaosu_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await admin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: a test that leaked a pool must not leave its database behind (PostgreSQL ≥ 13).
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
