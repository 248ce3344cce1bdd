import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Answer,
  type Body,
  garbageBody,
  sendBody,
  text,
  wrongValue,
} from "../http/garbage-arbitraries.js";
import {
  encode,
  extraKeys,
  fill,
  jsonWithExtras,
  malformedPathId,
  pathId,
  queryString,
  slot,
} from "../http/garbage-requests.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { rightsHarness, snapshot } from "./helpers.js";

/**
 * Garbage at the edges of the rights API (PR-2, PR-4) and succession: whatever arrives, the answer
 * is a success of the right kind or a 4xx problem document, never a 5xx, and a refused request
 * changes nothing.
 */
const RUNS = 40;
const TIMEOUT = 120_000;

describe.each(DIALECTS)("garbage at the rights API on %s", (dialect) => {
  let t: TestApp;
  let holder: string;
  let counterparty: string;
  let operator: string;
  let rightId: string;
  let contractId: string;
  let b: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    const h = rightsHarness(() => t);
    rightId = (await h.holdingRight(await h.registered("enterprise-a"))).id;
    b = await h.participantId("enterprise-b");
    [holder, counterparty, operator] = [
      await t.bearer("enterprise-a"),
      await t.bearer("enterprise-b"),
      await t.bearer("operator"),
    ];
    const offer = await sendBody(
      t.app,
      "POST",
      `/api/v1/rights/${rightId}/contracts`,
      { kind: "json", value: { kind: "transfer", counterpartyParticipantId: b } },
      { authorization: holder },
    );
    contractId = JSON.parse(offer.body).id;
  }, 60_000);
  afterAll(() => t.cleanup());

  const expectProblem = (answer: Answer, context: string) => {
    expect(answer.statusCode, `${context}: ${answer.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
    expect(answer.statusCode, `${context}: ${answer.body.slice(0, 300)}`).toBeLessThan(500);
    expect(String(answer.headers["content-type"]), context).toMatch(/^application\/problem\+json/);
    expect((answer.json() as { code?: unknown }).code, context).toEqual(
      expect.stringMatching(/^[a-z][a-z0-9_]*$/),
    );
  };
  const property = <T>(arb: fc.Arbitrary<T>, run: (value: T) => Promise<void>) =>
    fc.assert(fc.asyncProperty(arb, run), { numRuns: RUNS });
  const id = (valid: () => string) =>
    fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, pathId, malformedPathId).map((v) => v ?? valid());

  it(
    "PR-2 PR-4: POST /rights/{id}/contracts: garbage is a 4xx problem and writes nothing; a valid proposal one contract",
    async () => {
      const structured = fc
        .record({
          kind: slot(true),
          counterpartyParticipantId: slot(true),
          rightKind: slot(false),
          scope: slot(false),
          termEnd: slot(false),
          priceFen: slot(false),
        })
        .chain((slots) => extraKeys.map((extras) => ({ slots, extras })));
      const body = fc.oneof(
        { weight: 3, arbitrary: structured.map((s): { s?: typeof s; body?: Body } => ({ s })) },
        { weight: 1, arbitrary: garbageBody.map((g): { s?: never; body?: Body } => ({ body: g })) },
      );
      await property(
        fc.tuple(
          id(() => rightId),
          body,
          fc.constantFrom("grant", "transfer"),
        ),
        async ([target, b0, kind]) => {
          let sent: Body;
          if (b0.s) {
            const valid = {
              kind,
              counterpartyParticipantId: b,
              rightKind: kind === "grant" ? "processing_use" : "holding",
              scope: "analytics",
              termEnd: "2099-01-01T00:00:00Z",
              priceFen: 100,
            };
            const { value } = fill(b0.s.slots, valid);
            sent = { kind: "raw", contentType: "application/json", text: jsonWithExtras(value, b0.s.extras) };
          } else sent = b0.body as Body;
          const url = `/api/v1/rights/${target}/contracts`;
          const before = await snapshot(t);
          const answer = await sendBody(t.app, "POST", url, sent, { authorization: holder });
          if (answer.statusCode === 201) {
            expect((answer.json() as { status?: unknown }).status).toBe("proposed");
            return;
          }
          expectProblem(answer, `POST ${url}`);
          expect(await snapshot(t)).toEqual(before);
        },
      );
    },
    TIMEOUT,
  );

  it(
    "PR-4: contract decisions, reads and succession: garbage ids, bodies and callers get 4xx problems and change nothing",
    async () => {
      const request = fc.tuple(
        fc.constantFrom("accept", "decline", "withdraw", "read", "succession", "list"),
        id(() => contractId),
        fc.oneof(
          garbageBody,
          wrongValue.map((value): Body => ({ kind: "json", value })),
        ),
        fc.constantFrom("holder", "counterparty", "operator", "anonymous"),
        fc.oneof(queryString, text.map(encode)),
      );
      await property(request, async ([action, target, body, who, query]) => {
        const auth = { holder, counterparty, operator, anonymous: "" }[who];
        const headers: Record<string, string> = auth ? { authorization: auth } : {};
        const before = await snapshot(t);
        let answer: Answer;
        if (action === "read")
          answer = await sendBody(
            t.app,
            "GET",
            `/api/v1/rights/contracts/${target}?${query}`,
            { kind: "none" },
            headers,
          );
        else if (action === "list")
          answer = await sendBody(
            t.app,
            "GET",
            `/api/v1/rights?resource=${target}&${query}`,
            { kind: "none" },
            headers,
          );
        else if (action === "succession")
          answer = await sendBody(t.app, "POST", `/api/v1/participants/${target}/succession`, body, headers);
        else
          answer = await sendBody(
            t.app,
            "POST",
            `/api/v1/rights/contracts/${target}/${action}`,
            body,
            headers,
          );
        const context = `${action} ${target} as ${who}`;
        if (answer.statusCode === 200) {
          // only reads (and a decision by the right party with an acceptable body) may succeed
          expect(["read", "list", "accept", "decline", "withdraw"], context).toContain(action);
          return;
        }
        expectProblem(answer, context);
        expect(await snapshot(t), context).toEqual(before);
      });
    },
    TIMEOUT,
  );
});
