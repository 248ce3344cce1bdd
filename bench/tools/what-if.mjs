// What would a change in src/ buy? A one-off diagnostic for the http-auth benchmark (run.mjs does
// not run it): copies dist/ to temporary directories, applies small textual patches that stand in
// for candidate changes, loads every variant into this process and measures CPU µs per
// GET /api/v1/participants/me through app.inject (no sockets, no load generator), alternating
// variants in rounds. CPU time (process.cpuUsage: all threads, so webcrypto's thread-pool work
// counts) is steadier than req/s on a shared machine.
//
//   npm run build:server && node bench/tools/what-if.mjs [variant…]
//
// The patches match the compiled code of today; when the code changes, a patch that no longer
// applies stops the run with its name.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { median, ROOT_DIR, table } from "../lib/harness.mjs";

const ITERATIONS = Number(process.env.YAOSU_BENCH_ITERATIONS || 5_000);
const ROUNDS = Number(process.env.YAOSU_BENCH_ROUNDS || 3);

const ME = 'app.get("/participants/me", {';
const PATCHES = {
  // JWT: HS256 checked with node:crypto, synchronously (jose goes through webcrypto: importKey of
  // the raw key on every call, then an HMAC job on the libuv thread pool)
  jwtSync: [
    "modules/identity/auth.service.js",
    (s) =>
      s.replace(
        'await jwtVerify(token, k.keyring.subkey("jwt"), {',
        '__verify(token, k.keyring.subkey("jwt"), {',
      ) +
      `
import { createHmac as __hmac, timingSafeEqual as __eq } from "node:crypto";
function __verify(token, key, { currentDate }) {
  const [h, p, s] = token.split(".");
  const header = JSON.parse(Buffer.from(h, "base64url").toString());
  if (header.alg !== "HS256" || s === undefined) throw new Error("alg");
  const mac = __hmac("sha256", key).update(h + "." + p).digest();
  const sig = Buffer.from(s, "base64url");
  if (sig.length !== mac.length || !__eq(sig, mac)) throw new Error("signature");
  const payload = JSON.parse(Buffer.from(p, "base64url").toString());
  if (typeof payload.exp !== "number" || payload.exp <= Math.floor(currentDate.getTime() / 1000)) throw new Error("exp");
  return { payload };
}
`,
  ],
  // JWT: still jose, but with a CryptoKey imported once instead of the raw key each call
  jwtCryptoKey: [
    "modules/identity/auth.service.js",
    (s) =>
      s.replace(
        'await jwtVerify(token, k.keyring.subkey("jwt"), {',
        'await jwtVerify(token, await __key(k.keyring.subkey("jwt")), {',
      ) +
      `
const __keys = new WeakMap();
function __key(raw) {
  let key = __keys.get(raw);
  if (!key) {
    key = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    __keys.set(raw, key);
  }
  return key;
}
`,
  ],
  // SQLite: better-sqlite3 statements prepared once per SQL text (Kysely prepares every query)
  stmtCache: [
    "kernel/db/database.js",
    (s) =>
      s.replace(
        "const connection = new SQLite(file);",
        "const connection = new SQLite(file); { const cache = new Map(); const prepare = connection.prepare.bind(connection); connection.prepare = (sql) => { let st = cache.get(sql); if (!st) { st = prepare(sql); cache.set(sql, st); } return st; }; }",
      ),
  ],
  // /me without its own two queries (stands in for reusing the rows the auth lookup already joined)
  meNoQueries: [
    "modules/identity/participants.routes.js",
    (s) =>
      s
        .replace(ME, `const __me = new Map(); ${ME}`)
        .replace(
          "const [participant, user] = await Promise.all([",
          "const [participant, user] = __me.get(principal.userId) ?? __me.set(principal.userId, await Promise.all([",
        )
        .replace(
          "principal.userId ? findUser(k.db, principal.userId) : undefined,\n        ]);",
          "principal.userId ? findUser(k.db, principal.userId) : undefined,\n        ])).get(principal.userId);",
        ),
  ],
  // security headers: no @fastify/helmet (stands in for a precomputed header set)
  noHelmet: [
    "server/app.js",
    (s) => s.replace("await app.register(helmet, {", "if (false) await app.register(helmet, {"),
  ],
  // app.ts's onSend (x-request-id) and onResponse (log line) hooks as synchronous callbacks
  syncHooks: [
    "server/app.js",
    (s) =>
      s
        .replace(
          'app.addHook("onSend", async (request, reply) => {\n        reply.header("x-request-id", request.id);\n    });',
          'app.addHook("onSend", (request, reply, payload, done) => {\n        reply.header("x-request-id", request.id);\n        done(null, payload);\n    });',
        )
        .replace(
          'app.addHook("onResponse", async (request, reply) => {',
          'app.addHook("onResponse", (request, reply, done) => { done();',
        ),
  ],
  // response serialization without zod's safeParse
  plainSerializer: [
    "server/app.js",
    (s) =>
      s.replace(
        "app.setSerializerCompiler(serializerCompiler);",
        "app.setSerializerCompiler(() => (data) => JSON.stringify(data));",
      ),
  ],
};

const VARIANTS = {
  base: [],
  jwtCryptoKey: ["jwtCryptoKey"],
  jwtSync: ["jwtSync"],
  stmtCache: ["stmtCache"],
  meNoQueries: ["meNoQueries"],
  noHelmet: ["noHelmet"],
  syncHooks: ["syncHooks"],
  plainSerializer: ["plainSerializer"],
  "jwtSync+stmtCache": ["jwtSync", "stmtCache"],
  "jwtSync+stmtCache+meNoQueries": ["jwtSync", "stmtCache", "meNoQueries"],
  all: ["jwtSync", "stmtCache", "meNoQueries", "noHelmet", "syncHooks", "plainSerializer"],
};

const only = process.argv.slice(2);
const chosen = Object.entries(VARIANTS).filter(([name]) => only.length === 0 || only.includes(name));
const scratch = mkdtempSync(join(tmpdir(), "yaosu-what-if-"));
process.once("exit", () => rmSync(scratch, { recursive: true, force: true }));

async function boot(name, patches) {
  const dir = join(scratch, name.replace(/\W/g, "_"));
  mkdirSync(dir);
  cpSync(join(ROOT_DIR, "dist"), join(dir, "dist"), { recursive: true });
  cpSync(join(ROOT_DIR, "package.json"), join(dir, "package.json"));
  symlinkSync(join(ROOT_DIR, "node_modules"), join(dir, "node_modules"));
  for (const patch of patches) {
    const [file, apply] = PATCHES[patch];
    const path = join(dir, "dist", file);
    const before = readFileSync(path, "utf8");
    const after = apply(before);
    if (after === before) throw new Error(`patch ${patch} no longer applies to dist/${file}`);
    writeFileSync(path, after);
  }
  const load = (p) => import(pathToFileURL(join(dir, "dist", p)).href);
  const [{ buildApp }, { loadConfig }, { openKernel }, { seedDemo }] = await Promise.all([
    load("server/app.js"),
    load("kernel/config.js"),
    load("server/runtime.js"),
    load("flows/demo-seed.js"),
  ]);
  const password = "what-if-password";
  const config = loadConfig(
    {},
    { dataDir: join(dir, "data"), logLevel: "warn", demoPassword: password, accessTokenTtlSeconds: 3600 },
  );
  const kernel = await openKernel(config);
  await seedDemo(kernel, password);
  const app = await buildApp(kernel);
  await app.ready();
  const login = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username: "operator", password },
  });
  const headers = { authorization: `Bearer ${login.json().accessToken}` };
  const request = () => app.inject({ url: "/api/v1/participants/me", headers });
  const check = await request();
  if (check.statusCode !== 200 || check.json().user?.username !== "operator")
    throw new Error(`${name}: /me answered ${check.statusCode} ${check.body}`);
  const close = async () => {
    await app.close();
    await kernel.close();
  };
  return { name, request, close };
}

async function measureCpu(request, n) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const response = await request();
    if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
  }
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / n, wall: Number(process.hrtime.bigint() - start) / 1000 / n };
}

const apps = [];
for (const [name, patches] of chosen) apps.push(await boot(name, patches));
for (const a of apps) await measureCpu(a.request, Math.min(2_000, ITERATIONS)); // warm-up
const samples = new Map(apps.map((a) => [a.name, []]));
for (let round = 0; round < ROUNDS; round++)
  for (const a of apps) samples.get(a.name).push(await measureCpu(a.request, ITERATIONS));

const base = median(samples.get(apps[0].name).map((s) => s.cpu));
console.log(
  `GET /api/v1/participants/me via app.inject, ${ITERATIONS} sequential requests × ${ROUNDS} rounds per variant (median)\n`,
);
console.log(
  table(
    ["variant", "CPU µs/req", `vs ${apps[0].name}`, "wall µs/req"],
    apps.map((a) => {
      const cpu = median(samples.get(a.name).map((s) => s.cpu));
      return [
        a.name,
        cpu.toFixed(1),
        `${cpu - base >= 0 ? "+" : ""}${(cpu - base).toFixed(1)}`,
        median(samples.get(a.name).map((s) => s.wall)).toFixed(1),
      ];
    }),
  ),
);
for (const a of apps) await a.close();
