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
import { expectProblem } from "../source-requests/problems.js";
import { world } from "../source-requests/world.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";

/** SG-7 edges under garbage (property-based): 4xx problems or proper successes, never a 5xx; refusals write nothing. */
const RUNS = 40;
const TIMEOUT = 90_000;

describe.each(DIALECTS)("SG-7 garbage at the quality-loop edges on %s", (dialect) => {
  let t: TestApp;
  let registration: string;
  let item: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp(dialect);
    registration = await w.registered("enterprise-a");
    item = (
      await w.as("enterprise-b", "POST", "/quality-feedback", {
        registrationId: registration,
        kind: "objection",
        text: "x",
      })
    ).json().id;
    for (const user of ["enterprise-a", "enterprise-b", "vendor", "regulator"])
      tokens[user] = await t.bearer(user);
  }, 60_000);
  afterAll(() => t.cleanup());
  const w = world(() => t);

  const snapshot = async () => {
    const { rows } = await sql<Record<string, unknown>>`select
      (select count(*) from quality_feedback) as items,
      (select count(*) from quality_feedback where status <> 'open') as moved,
      (select count(*) from outbox_events) as events`.execute(t.k.db);
    return JSON.stringify(Object.values(rows[0] ?? {}).map(Number));
  };
  const send = (method: "GET" | "POST", url: string, body: Body, user: string | null) =>
    sendBody(t.app, method, `/api/v1${url}`, body, user ? { authorization: tokens[user] as string } : {});

  it(
    "POST /quality-feedback (vendor): garbage is a 4xx problem writing nothing; valid input a 201",
    async () => {
      const structured = fc
        .tuple(
          fc.record({
            registrationId: slot(true),
            kind: slot(true),
            dimension: slot(true),
            text: slot(true),
            evidence: slot(false),
          }),
          extraKeys,
        )
        .map(([slots, extras]) => {
          const { value, allValid } = fill(slots, {
            registrationId: registration,
            kind: "quality",
            dimension: "accuracy",
            text: "金额\n有误",
            evidence: ["evt_1"],
          });
          const text = jsonWithExtras(value, extras);
          return {
            body: { kind: "raw", contentType: "application/json", text } as Body,
            valid: allValid && !extras.length,
          };
        });
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            structured,
            garbageBody.map((body) => ({ body, valid: false })),
          ),
          async ({ body, valid }) => {
            const before = await snapshot();
            const answer = await send("POST", "/quality-feedback", body, "vendor");
            if (valid || answer.statusCode === 201) {
              expect(answer.statusCode, answer.body).toBe(201);
              return;
            }
            expectProblem(answer, `POST /quality-feedback ${JSON.stringify(body).slice(0, 200)}`);
            expect(await snapshot()).toBe(before);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "moves on an item (response, resolve, escalate, decision) with garbage or by the wrong caller are 4xx problems writing nothing",
    async () => {
      const id = fc.oneof({ weight: 3, arbitrary: fc.constant("") }, pathId, malformedPathId);
      const action = fc.constantFrom("response", "resolve", "escalate", "decision");
      const who = fc.constantFrom("vendor", "regulator", "enterprise-a", null);
      await fc.assert(
        fc.asyncProperty(id, action, who, garbageBody, async (garbageId, act, user, body) => {
          const before = await snapshot();
          const answer = await send("POST", `/quality-feedback/${garbageId || item}/${act}`, body, user);
          if (answer.statusCode === 200) {
            // only the holder's response with a body that happens to be valid can succeed
            expect([garbageId, act, user]).toEqual(["", "response", "enterprise-a"]);
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
    "GET lists, items and summaries answer 200 or a 4xx problem, whatever the path and query",
    async () => {
      const path = fc.oneof(
        queryString.map((q) => `/quality-feedback?${q}`),
        queryString.map((q) => `/quality-feedback/summary?${q}`),
        fc.oneof(pathId, malformedPathId, fc.constant(item)).map((id) => `/quality-feedback/${id}`),
      );
      await fc.assert(
        fc.asyncProperty(path, fc.constantFrom("enterprise-b", "regulator", null), async (url, user) => {
          const answer = await send("GET", url, { kind: "none" }, user);
          if (answer.statusCode !== 200) expectProblem(answer, `GET ${url} as ${user}`);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
