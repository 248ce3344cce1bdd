// Throw-away PostgreSQL databases for benchmarks: each measurement gets a fresh database that is
// dropped afterwards (WITH (FORCE): a crashed child must not leave its database behind).

import { randomBytes } from "node:crypto";
import pg from "pg";

export const PG_ADMIN_URL = process.env.YAOSU_BENCH_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";

async function admin(adminUrl, text) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** The server's version string, or null (with the reason) when it cannot be reached. */
export async function pgVersion(adminUrl = PG_ADMIN_URL) {
  try {
    const { rows } = await admin(adminUrl, "show server_version");
    return { version: rows[0].server_version, error: null };
  } catch (error) {
    return { version: null, error: String(error.message ?? error) };
  }
}

export async function createDatabase(prefix, adminUrl = PG_ADMIN_URL) {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await admin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
