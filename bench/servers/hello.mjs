// The baseline: a plain Fastify 5 app with one route, GET /hello → {"hello":"world"}, logging
// through pino at the same level as the Yaosu server under test (YAOSU_BENCH_LOG_LEVEL).
// Prints {"port": N} on its first stdout line once it listens on 127.0.0.1.

import Fastify from "fastify";
import { pino } from "pino";

const app = Fastify({ loggerInstance: pino({ level: process.env.YAOSU_BENCH_LOG_LEVEL || "warn" }) });
app.get("/hello", async () => ({ hello: "world" }));

const address = await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`${JSON.stringify({ port: Number(new URL(address).port) })}\n`);

process.once("SIGTERM", () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
