// The real exchange, built from dist/: a fresh SQLite data dir in the temp directory, migrated,
// with the demo world seeded (password from YAOSU_BENCH_DEMO_PASSWORD), logging at
// YAOSU_BENCH_LOG_LEVEL. The configuration ignores the caller's YAOSU_* environment on purpose,
// so a developer's settings cannot change what is measured. YAOSU_BENCH_DIST may name another
// build's dist/ directory (to compare two builds in one run).
// Prints {"port": N} on its first stdout line once it listens on 127.0.0.1.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const password = process.env.YAOSU_BENCH_DEMO_PASSWORD;
if (!password) throw new Error("YAOSU_BENCH_DEMO_PASSWORD is not set");

const dist = process.env.YAOSU_BENCH_DIST
  ? pathToFileURL(`${resolve(process.env.YAOSU_BENCH_DIST)}/`)
  : new URL("../../dist/", import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const [{ buildApp }, { loadConfig }, { openKernel }, { seedDemo }] = await Promise.all([
  load("server/app.js"),
  load("kernel/config.js"),
  load("server/runtime.js"),
  load("flows/demo-seed.js"),
]);

const dataDir = mkdtempSync(join(tmpdir(), "yaosu-bench-"));
process.once("exit", () => rmSync(dataDir, { recursive: true, force: true }));

const config = loadConfig(
  {},
  {
    dataDir,
    host: "127.0.0.1",
    port: 0,
    logLevel: process.env.YAOSU_BENCH_LOG_LEVEL || "warn",
    demoPassword: password,
    // longer than any bounded run, so the one login lasts the whole benchmark
    accessTokenTtlSeconds: 3600,
  },
);
const kernel = await openKernel(config);
const seeded = await seedDemo(kernel, password);
const app = await buildApp(kernel);
const address = await app.listen({ port: config.port, host: config.host });
process.stdout.write(
  `${JSON.stringify({ port: Number(new URL(address).port), seeded: seeded.created.length })}\n`,
);

process.once("SIGTERM", () => {
  app
    .close()
    .then(() => kernel.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
});
