// Where does an authenticated GET /api/v1/participants/me spend its time? A diagnostic, not a
// benchmark (run.mjs does not run it): `npm run build:server && node bench/tools/auth-breakdown.mjs [http]`.
//
// Part 1 (in-process, one event loop, sequential awaits): CPU and wall µs per call of each piece of the
// request (JWT verify, each Kysely query, the same SQL through a cached better-sqlite3 statement,
// response serialization, request ids) and of whole requests through app.inject (no sockets).
// Part 2 (with the argument `http`): autocannon against child servers climbing a ladder from a
// plain hello route to /me, to show what each layer costs over HTTP.

import { createHmac, createSecretKey, randomBytes, timingSafeEqual, webcrypto } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import Fastify from "fastify";
import { serializerCompiler } from "fastify-type-provider-zod";
import { jwtVerify } from "jose";
import { pino } from "pino";
import { z } from "zod";
import { seedDemo } from "../../dist/flows/demo-seed.js";
import { loadConfig } from "../../dist/kernel/config.js";
import { principalFromAccessToken } from "../../dist/modules/identity/auth.service.js";
import { participantSchema, userSchema } from "../../dist/modules/identity/identity.schema.js";
import { getParticipant, presentParticipant } from "../../dist/modules/identity/participants.service.js";
import { findSessionPrincipal, findUser } from "../../dist/modules/identity/users.repo.js";
import { presentUser } from "../../dist/modules/identity/users.service.js";
import { buildApp } from "../../dist/server/app.js";
import { openKernel } from "../../dist/server/runtime.js";
import { alternate, fmtInt, fmtMs, startServer, table } from "../lib/harness.mjs";

const ITERATIONS = Number(process.env.YAOSU_BENCH_ITERATIONS || 20_000);

/** CPU µs (all threads, so thread-pool work counts; steady on a shared machine) and wall µs per call */
async function time(label, fn) {
  for (let i = 0; i < Math.min(2_000, ITERATIONS / 5); i++) await fn();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) await fn();
  const wall = Number(process.hrtime.bigint() - start) / 1000 / ITERATIONS;
  const used = process.cpuUsage(cpu);
  return [label, ((used.user + used.system) / ITERATIONS).toFixed(1), wall.toFixed(1)];
}

const password = randomBytes(12).toString("base64url");
const dataDir = mkdtempSync(join(tmpdir(), "yaosu-breakdown-"));
process.once("exit", () => rmSync(dataDir, { recursive: true, force: true }));
const config = loadConfig(
  {},
  { dataDir, logLevel: "warn", demoPassword: password, accessTokenTtlSeconds: 3600 },
);
const k = await openKernel(config);
await seedDemo(k, password);
const app = await buildApp(k);
await app.ready();
const login = await app.inject({
  method: "POST",
  url: "/api/v1/auth/login",
  payload: { username: "operator", password },
});
const { accessToken: token, user: loggedIn } = login.json();
const authorization = `Bearer ${token}`;
const [, payloadPart] = token.split(".");
const claims = JSON.parse(Buffer.from(payloadPart, "base64url").toString());
const jwtKey = k.keyring.subkey("jwt");

// The same queries as the repositories, compiled by Kysely once, run on a second connection.
const raw = new SQLite(config.databaseUrl.slice("sqlite:".length), { readonly: true });
const sessionSql = k.db
  .selectFrom("sessions")
  .innerJoin("users", "users.id", "sessions.user_id")
  .innerJoin("participants", "participants.id", "users.participant_id")
  .select([
    "users.id as user_id",
    "users.status as user_status",
    "users.roles as roles",
    "participants.id as participant_id",
    "participants.type as participant_type",
    "participants.status as participant_status",
    "sessions.revoked_at as session_revoked_at",
    "sessions.expires_at as session_expires_at",
  ])
  .where("sessions.id", "=", claims.sid)
  .where("users.id", "=", claims.sub)
  .compile();
const participantSql = k.db
  .selectFrom("participants")
  .selectAll()
  .where("id", "=", loggedIn.participantId)
  .compile();
const cachedSession = raw.prepare(sessionSql.sql);
const cachedParticipant = raw.prepare(participantSql.sql);

const cryptoKey = await webcrypto.subtle.importKey("raw", jwtKey, { name: "HMAC", hash: "SHA-256" }, false, [
  "verify",
]);
const keyObject = createSecretKey(jwtKey);
const [h64, p64, s64] = token.split(".");
const signature = Buffer.from(s64, "base64url");
const hmacVerify = () => {
  const mac = createHmac("sha256", jwtKey).update(`${h64}.${p64}`).digest();
  if (!timingSafeEqual(mac, signature)) throw new Error("bad mac");
  return JSON.parse(Buffer.from(p64, "base64url").toString());
};

const participantRow = await getParticipant(k.db, loggedIn.participantId);
const userRow = await findUser(k.db, claims.sub);
const body = { participant: presentParticipant(participantRow), user: presentUser(userRow) };
const serialize = serializerCompiler({
  schema: z.object({ participant: participantSchema, user: userSchema.nullable() }),
  method: "GET",
  url: "/participants/me",
});

const hello = Fastify({ loggerInstance: pino({ level: "warn" }) });
hello.get("/hello", async () => ({ hello: "world" }));
await hello.ready();

const rows = [];
const section = (name) => rows.push([`-- ${name}`, "", ""]);
section("whole requests, app.inject (no sockets)");
rows.push(await time("plain Fastify GET /hello", () => hello.inject({ url: "/hello" })));
rows.push(await time("Yaosu GET /healthz (plumbing only)", () => app.inject({ url: "/healthz" })));
rows.push(
  await time("Yaosu GET /api/v1/participants/:id (public, 1 query)", () =>
    app.inject({ url: `/api/v1/participants/${loggedIn.participantId}` }),
  ),
);
rows.push(
  await time("Yaosu GET /api/v1/participants/me (Bearer)", () =>
    app.inject({ url: "/api/v1/participants/me", headers: { authorization } }),
  ),
);
section("authentication (onRequest hook)");
rows.push(
  await time("principalFromAccessToken (JWT + session query)", () => principalFromAccessToken(k, token)),
);
const verifyOptions = { algorithms: ["HS256"] };
rows.push(
  await time("jose jwtVerify, Uint8Array key (as now)", () => jwtVerify(token, jwtKey, verifyOptions)),
);
rows.push(
  await time("jose jwtVerify, KeyObject made once", () => jwtVerify(token, keyObject, verifyOptions)),
);
rows.push(
  await time("jose jwtVerify, CryptoKey imported once", () => jwtVerify(token, cryptoKey, verifyOptions)),
);
rows.push(await time("node:crypto createHmac + timingSafeEqual", async () => hmacVerify()));
section("database");
rows.push(
  await time("Kysely findSessionPrincipal (3-table join)", () =>
    findSessionPrincipal(k.db, claims.sub, claims.sid),
  ),
);
rows.push(await time("Kysely getParticipant", () => getParticipant(k.db, loggedIn.participantId)));
rows.push(await time("Kysely findUser", () => findUser(k.db, claims.sub)));
rows.push(
  await time("Kysely build+compile only (session query)", async () =>
    k.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .innerJoin("participants", "participants.id", "users.participant_id")
      .select(["users.id as user_id", "participants.id as participant_id", "sessions.revoked_at as r"])
      .where("sessions.id", "=", claims.sid)
      .where("users.id", "=", claims.sub)
      .compile(),
  ),
);
rows.push(
  await time("better-sqlite3 prepare+get per call (what Kysely does)", async () =>
    raw.prepare(sessionSql.sql).get(sessionSql.parameters),
  ),
);
rows.push(
  await time("better-sqlite3 cached statement .get (session)", async () =>
    cachedSession.get(sessionSql.parameters),
  ),
);
rows.push(
  await time("better-sqlite3 cached statement .get (participant)", async () =>
    cachedParticipant.get(participantSql.parameters),
  ),
);
section("handler and response");
rows.push(
  await time("handler body: participant + user queries (Promise.all)", () =>
    Promise.all([getParticipant(k.db, loggedIn.participantId), findUser(k.db, claims.sub)]),
  ),
);
rows.push(
  await time("presentParticipant + presentUser", async () => ({
    participant: presentParticipant(participantRow),
    user: presentUser(userRow),
  })),
);
rows.push(await time("zod serializer (safeParse + JSON.stringify)", async () => serialize(body)));
rows.push(await time("JSON.stringify alone", async () => JSON.stringify(body)));
rows.push(await time("request id k.newId('request')", async () => k.newId("request")));

console.log(`in-process timings, ${fmtInt(ITERATIONS)} sequential calls each (node ${process.version})\n`);
console.log(table(["step", "CPU µs/call", "wall µs/call"], rows));
raw.close();
await app.close();
await hello.close();
await k.close();

if (process.argv.includes("http")) {
  console.log("\nHTTP ladder (autocannon, child servers, alternating rounds, median)\n");
  const env = { YAOSU_BENCH_LOG_LEVEL: "warn", YAOSU_BENCH_DEMO_PASSWORD: password };
  const h = await startServer("hello", { env });
  const y = await startServer("yaosu", { env });
  try {
    const res = await fetch(`${y.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "operator", password }),
    });
    const { accessToken, participant } = await res.json();
    const results = await alternate(
      [
        { name: "hello", description: "plain Fastify GET /hello", url: `${h.url}/hello` },
        { name: "healthz", description: "Yaosu GET /healthz", url: `${y.url}/healthz` },
        {
          name: "public-1q",
          description: "Yaosu GET /api/v1/participants/:id",
          url: `${y.url}/api/v1/participants/${participant.id}`,
        },
        {
          name: "me",
          description: "Yaosu GET /api/v1/participants/me",
          url: `${y.url}/api/v1/participants/me`,
          headers: { authorization: `Bearer ${accessToken}` },
        },
      ],
      {
        rounds: Number(process.env.YAOSU_BENCH_ROUNDS || 2),
        seconds: Number(process.env.YAOSU_BENCH_SECONDS || 4),
        warmupSeconds: 1,
        connections: Number(process.env.YAOSU_BENCH_CONNECTIONS || 16),
        log: (line) => process.stderr.write(`${line}\n`),
      },
    );
    const base = results[0].requestsPerSecond;
    console.log(
      table(
        ["target", "route", "req/s", "of hello", "µs/req (1/rps)", "p50", "p99"],
        results.map((r) => [
          r.name,
          r.description,
          fmtInt(r.requestsPerSecond),
          `${((100 * r.requestsPerSecond) / base).toFixed(1)} %`,
          (1e6 / r.requestsPerSecond).toFixed(1),
          fmtMs(r.latencyMs.p50),
          fmtMs(r.latencyMs.p99),
        ]),
      ),
    );
  } finally {
    await Promise.all([h.stop(), y.stop()]);
  }
}
