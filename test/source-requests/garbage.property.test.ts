import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Body, garbageBody, sendBody } from "../http/garbage-arbitraries.js";
import {
  extraKeys,
  fill,
  jsonWithExtras,
  malformedPathId,
  pathId,
  queryString,
  slot,
} from "../http/garbage-requests.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { expectProblem } from "./problems.js";
import { CITIZEN_ID, world } from "./world.js";

/**
 * PR-5 edges under garbage (property-based): whatever arrives at the copy-request endpoints, the
 * answer is a 4xx problem or a proper success, never a 5xx, and a refused request writes nothing.
 */
const RUNS = 40;
const TIMEOUT = 90_000;

describe.each(DIALECTS)("PR-5 garbage at the source-request edges on %s", (dialect) => {
  let t: TestApp;
  let registration: string;
  let open: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp(dialect);
    registration = await w.registered("enterprise-a", await w.importDataset("enterprise-a"));
    const r = await w.as("citizen", "POST", "/source-requests", {
      registrationId: registration,
      identifier: { kind: "resident_id", value: CITIZEN_ID },
    });
    open = r.json().id;
    for (const user of ["citizen", "enterprise-a", "enterprise-b", "regulator"])
      tokens[user] = await t.bearer(user);
  }, 60_000);
  afterAll(() => t.cleanup());
  const w = world(() => t);

  const snapshot = async () => {
    const { rows } = await sql<Record<string, unknown>>`select
      (select count(*) from source_requests) as requests,
      (select count(*) from source_requests where status <> 'submitted') as closed,
      (select count(*) from outbox_events) as events`.execute(t.k.db);
    return JSON.stringify(Object.values(rows[0] ?? {}).map(Number));
  };
  const send = (method: "GET" | "POST", url: string, body: Body, user: string) =>
    sendBody(t.app, method, `/api/v1${url}`, body, { authorization: tokens[user] as string });

  it(
    "POST /source-requests (citizen): garbage is a 4xx problem writing nothing; valid input a 201",
    async () => {
      const structured = fc
        .tuple(
          fc.record({ registrationId: slot(true), identifier: slot(true), note: slot(false) }),
          extraKeys,
        )
        .map(([slots, extras]) => {
          const { value, allValid } = fill(slots, {
            registrationId: registration,
            identifier: { kind: "resident_id", value: CITIZEN_ID },
            note: "我的购物记录",
          });
          const text = jsonWithExtras(value, extras);
          return {
            body: { kind: "raw", contentType: "application/json", text } as Body,
            valid: allValid && !extras.length,
          };
        });
      const input = fc.oneof(
        structured,
        garbageBody.map((body) => ({ body, valid: false })),
      );
      await fc.assert(
        fc.asyncProperty(input, async ({ body, valid }) => {
          const before = await snapshot();
          const answer = await send("POST", "/source-requests", body, "citizen");
          if (valid || answer.statusCode === 201) {
            expect(answer.statusCode, answer.body).toBe(201);
            return;
          }
          expectProblem(answer, `POST /source-requests ${JSON.stringify(body).slice(0, 200)}`);
          expect(await snapshot()).toBe(before);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "answers on a request (fulfil, refuse, withdraw) by the wrong caller or with garbage are 4xx problems writing nothing",
    async () => {
      const id = fc.oneof({ weight: 3, arbitrary: fc.constant("") }, pathId, malformedPathId);
      const action = fc.constantFrom("fulfil", "refuse", "withdraw");
      const who = fc.constantFrom("enterprise-b", "regulator", "citizen", "enterprise-a");
      await fc.assert(
        fc.asyncProperty(id, action, who, garbageBody, async (garbageId, act, user, body) => {
          // the holder and the requester only ever send garbage bodies; a valid one could legitimately succeed
          if ((user === "enterprise-a" || (user === "citizen" && act === "withdraw")) && body.kind === "none")
            return;
          const before = await snapshot();
          const answer = await send("POST", `/source-requests/${garbageId || open}/${act}`, body, user);
          if (answer.statusCode === 200) {
            expect(garbageId).toBe("");
            expect(["enterprise-a", "citizen"]).toContain(user);
            return;
          }
          expectProblem(answer, `POST ${act} ${garbageId} as ${user}`);
          expect(await snapshot()).toBe(before);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "GET lists, requests and copies answer 200 or a 4xx problem, whatever the path and query",
    async () => {
      const path = fc.oneof(
        queryString.map((q) => `/source-requests?${q}`),
        fc
          .tuple(fc.oneof(pathId, malformedPathId, fc.constant(open)), fc.constantFrom("", "/copy"))
          .map(([id, tail]) => `/source-requests/${id}${tail}`),
      );
      await fc.assert(
        fc.asyncProperty(path, fc.constantFrom("citizen", "enterprise-b", "regulator"), async (url, user) => {
          const answer = await send("GET", url, { kind: "none" }, user);
          if (answer.statusCode !== 200) expectProblem(answer, `GET ${url} as ${user}`);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
