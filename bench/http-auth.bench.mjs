// What the authentication and the kernel cost per request: an authenticated
// GET /api/v1/participants/me on the real exchange (JWT verify, session lookup, two reads,
// response schema, security headers, request log) against a plain Fastify hello route, both in
// child processes, measured in alternation in the same run. Goal (issue): auth ≥ 60 % of hello.

import { randomBytes } from "node:crypto";
import { alternate, fmtInt, fmtMs, fmtPct, startServer, table } from "./lib/harness.mjs";

export const title = "authenticated GET /api/v1/participants/me vs plain Fastify GET /hello";
const GOAL = 0.6;

export async function run(ctx) {
  const password = randomBytes(12).toString("base64url");
  const env = { YAOSU_BENCH_LOG_LEVEL: ctx.logLevel, YAOSU_BENCH_DEMO_PASSWORD: password };
  const profileDir = ctx.profileDir;
  const hello = await startServer("hello", { env, profileDir });
  let yaosu;
  try {
    yaosu = await startServer("yaosu", { env, profileDir });
    const token = await logIn(yaosu.url, "operator", password);
    const meUrl = `${yaosu.url}/api/v1/participants/me`;
    const headers = { authorization: `Bearer ${token}` };
    await expectJson(`${hello.url}/hello`, {}, (body) => body.hello === "world");
    await expectJson(meUrl, headers, (body) => body.user?.username === "operator");

    const [h, a] = await alternate(
      [
        { name: "hello", description: "plain Fastify GET /hello", url: `${hello.url}/hello`, server: hello },
        {
          name: "auth",
          description: "GET /api/v1/participants/me (Bearer)",
          url: meUrl,
          headers,
          server: yaosu,
        },
      ],
      ctx,
    );
    const ratio = a.requestsPerSecond / h.requestsPerSecond;
    const row = (r) => [
      r.name,
      r.description,
      fmtInt(r.requestsPerSecond),
      r.samples.map((s) => fmtInt(s.requestsPerSecond)).join(" / "),
      fmtMs(r.latencyMs.p50),
      fmtMs(r.latencyMs.p99),
      r.serverCpuShare === null ? "n/a" : fmtPct(r.serverCpuShare),
      r.serverCpuMicrosPerRequest === null ? "n/a" : r.serverCpuMicrosPerRequest.toFixed(1),
    ];
    const cpuRatio =
      h.serverCpuMicrosPerRequest && a.serverCpuMicrosPerRequest
        ? a.serverCpuMicrosPerRequest / h.serverCpuMicrosPerRequest
        : null;
    const text = [
      table(
        ["target", "route", "req/s (median)", "req/s per round", "p50", "p99", "server CPU", "CPU µs/req"],
        [row(h), row(a)],
      ),
      "",
      `ratio auth/hello (req/s): ${fmtPct(ratio)} — goal ≥ ${fmtPct(GOAL)}: ${ratio >= GOAL ? "met" : "NOT met"}`,
      ...(cpuRatio === null
        ? []
        : [
            `server CPU per request, auth/hello: ${cpuRatio.toFixed(1)}× ` +
              "(a server below ~95 % CPU was held back by the load generator or by other processes, not by its own work)",
          ]),
    ].join("\n");
    return {
      text,
      data: { goal: GOAL, ratio, goalMet: ratio >= GOAL, cpuRatio, targets: { hello: h, auth: a } },
    };
  } finally {
    await Promise.all([hello.stop(), yaosu?.stop()]);
  }
}

async function logIn(base, username, password) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const body = await response.json();
  if (response.status !== 200 || typeof body.accessToken !== "string")
    throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

async function expectJson(url, headers, check) {
  const response = await fetch(url, { headers });
  const body = await response.json();
  if (response.status !== 200 || !check(body))
    throw new Error(`GET ${url} answered ${response.status} ${JSON.stringify(body)}`);
}
