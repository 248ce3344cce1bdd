import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { inject } from "vitest";
import { seedDemo } from "../../src/flows/demo-seed.js";
import { type Clock, ManualClock } from "../../src/kernel/clock.js";
import { type Config, loadConfig } from "../../src/kernel/config.js";
import type { Kernel } from "../../src/kernel/kernel.js";
import { buildApp } from "../../src/server/app.js";
import { openKernel } from "../../src/server/runtime.js";
import { createTestDatabase } from "./pg.js";

/** Every repository and service test runs on both engines the product supports. */
export const DIALECTS = ["sqlite", "postgres"] as const;
export type TestDialect = (typeof DIALECTS)[number];

export const DEMO_PASSWORD = "demo-password-for-tests";

export interface TestKernel {
  k: Kernel;
  clock: ManualClock;
  config: Config;
  cleanup(): Promise<void>;
}

/** A kernel on a fresh SQLite file or a fresh PostgreSQL database, with a manual clock. */
export async function testKernel(dialect: TestDialect, overrides: Partial<Config> = {}): Promise<TestKernel> {
  const dataDir = await mkdtemp(join(tmpdir(), "yaosu-test-"));
  const pgDatabase = dialect === "postgres" ? await createTestDatabase(inject("pgAdminUrl")) : null;
  const config = loadConfig(
    {},
    {
      dataDir,
      databaseUrl: pgDatabase?.url ?? `sqlite:${join(dataDir, "yaosu.sqlite")}`,
      logLevel: "silent",
      masterKey: randomBytes(32).toString("base64"),
      demoPassword: DEMO_PASSWORD,
      ...overrides,
    },
  );
  const clock = new ManualClock(new Date());
  const k = await openKernel(config, clock as Clock);
  return {
    k,
    clock,
    config,
    async cleanup() {
      await k.close();
      await pgDatabase?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends TestKernel {
  app: FastifyInstance;
  /** logs a demo user in and returns the Authorization header value */
  bearer(username: string, password?: string): Promise<string>;
}

/** An in-process HTTP app over a seeded demo world (see src/flows/demo-seed.ts). */
export async function testApp(dialect: TestDialect, overrides: Partial<Config> = {}): Promise<TestApp> {
  const base = await testKernel(dialect, { loginRateLimitPerMinute: 1000, ...overrides });
  await seedDemo(base.k);
  const app = await buildApp(base.k);
  await app.ready();
  const tokens = new Map<string, string>();
  return {
    ...base,
    app,
    async bearer(username, password = DEMO_PASSWORD) {
      const cached = tokens.get(`${username}:${password}`);
      if (cached) return cached;
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username, password },
      });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
      const header = `Bearer ${response.json().accessToken}`;
      tokens.set(`${username}:${password}`, header);
      return header;
    },
    async cleanup() {
      await app.close();
      await base.cleanup();
    },
  };
}
