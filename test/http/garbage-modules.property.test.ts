import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateLogKey, Sequencer } from "../../src/modules/evidence/index.js";
import { complete } from "../registration/helpers.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import {
  type Answer,
  type Body,
  garbageBody,
  PROTO_KEYS,
  sendBody,
  text,
  wrongValue,
} from "./garbage-arbitraries.js";
import {
  encode,
  extraKeys,
  fill,
  jsonWithExtras,
  malformedPathId,
  pathId,
  queryString,
  type Slot,
  slot,
} from "./garbage-requests.js";

/**
 * Garbage at the edges of the newer modules (property-based): the public evidence API, the
 * classification rules, and registrations with their objections. Whatever arrives — hostile path
 * segments, query strings, bodies and content types — the answer is a 4xx problem document (or a
 * proper success for input that happens to be valid), never a 5xx, and a refused request writes
 * nothing.
 */

const RUNS = 50;
const PROPERTY_TIMEOUT = 90_000;
const NUL = "\u0000";

// ---------- arbitraries of this file ----------

/** Numbers as a URL carries them: huge, negative, floats, exponents, hex, padded, encoded, unicode digits. */
const numberSegment = fc.oneof(
  { weight: 2, arbitrary: fc.nat({ max: 40 }).map(String) },
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double().map(String),
  fc.constantFrom(
    "0",
    "-0",
    "-1",
    "1.5",
    "1e3",
    "1e400",
    "-1e400",
    "9007199254740991",
    "9007199254740992",
    "18446744073709551616",
    "0x10",
    "0b1",
    "0o7",
    "Infinity",
    "-Infinity",
    "NaN",
    "%20",
    "%201",
    "1%20",
    "%00",
    "1%00",
    "%31",
    "%EF%BC%91", // full-width 1
    "%D9%A1", // Arabic-Indic 1
    "%E4%B8%80", // 一
    "__proto__",
    "constructor",
    "null",
    "true",
    "",
  ),
  pathId,
);
/** Values for a numeric query parameter (encoded as a client would). */
const numberValue = fc.oneof(numberSegment, text.map(encode));

/** A query string of known keys with garbage values, unknown keys, repeats, prototype keys. */
const queryOf = (keys: string[]) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.constantFrom(...PROTO_KEYS)), numberValue), {
          maxLength: 4,
        })
        .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${v}`).join("&")),
    },
    { weight: 1, arbitrary: queryString },
    { weight: 1, arbitrary: fc.constant("") },
  );

const hexSegment = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{64}$/),
  fc.stringMatching(/^[0-9a-fA-F]{0,80}$/),
  fc.constantFrom("0".repeat(64), "F".repeat(64), `${"0".repeat(63)}g`, `${"0".repeat(64)}%00`),
  pathId,
);

// ---------- the properties ----------

describe.each(DIALECTS)(
  "garbage at the edges of evidence, classification and registration on %s",
  (dialect) => {
    let t: TestApp;
    let regulator: string;
    let operator: string;
    let holder: string;
    let other: string;
    beforeAll(async () => {
      t = await testApp(dialect);
      regulator = await t.bearer("regulator");
      operator = await t.bearer("operator");
      holder = await t.bearer("enterprise-a");
      other = await t.bearer("enterprise-b");
      // No sequencer runs in tests: seal the seed's events and publish a checkpoint by hand, so that
      // the success paths (entries, proofs, consistency, trails) are exercised too.
      const sequencer = new Sequencer(t.k, await loadOrCreateLogKey(t.k));
      await sequencer.sequenceBatch();
      await sequencer.maybeCheckpoint(t.k.db, true);
    }, 30_000);
    afterAll(() => t.cleanup());

    const send = (
      method: "GET" | "POST" | "PATCH",
      url: string,
      body: Body,
      headers: Record<string, string> = {},
    ) => sendBody(t.app, method, url, body, headers);
    const json = (value: unknown): Body => ({ kind: "json", value });

    const snapshot = async () => {
      const { rows } = await sql<Record<string, string | number>>`
      select
        (select count(*) from registrations) as registrations,
        (select count(*) from registration_objections) as objections,
        (select count(*) from rights) as rights,
        (select count(*) from outbox_events) as outbox_events,
        (select count(*) from circulation_rule_versions) as rule_versions
    `.execute(t.k.db);
      return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
    };
    type Snapshot = Awaited<ReturnType<typeof snapshot>>;
    const plus = (before: Snapshot, changes: Partial<Snapshot>): Snapshot =>
      Object.fromEntries(Object.entries(before).map(([k, v]) => [k, v + (changes[k] ?? 0)]));

    const expectProblem = (answer: Answer, context: string) => {
      const shown = `${context}: ${answer.statusCode} ${answer.body.slice(0, 300)}`;
      expect(answer.statusCode, shown).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode, shown).toBeLessThan(500);
      expect(String(answer.headers["content-type"]), shown).toMatch(/^application\/problem\+json/);
      const problem = answer.json() as Record<string, unknown>;
      expect(problem.code, shown).toEqual(expect.stringMatching(/^[a-z][a-z0-9_]*$/));
      expect(problem.message, shown).toEqual(expect.any(String));
      expect(problem.status, shown).toBe(answer.statusCode);
      if (problem.field !== undefined) expect(problem.field, shown).toEqual(expect.any(String));
    };
    /** Either a success of the expected kind or a 4xx problem; never a 5xx. */
    const expectAnswer = (answer: Answer, context: string, type = /^application\/json/) => {
      if (answer.statusCode === 200) {
        expect(String(answer.headers["content-type"]), context).toMatch(type);
        return true;
      }
      expectProblem(answer, context);
      return false;
    };
    const describeBody = (body: Body) =>
      body.kind === "json"
        ? `json ${JSON.stringify(body.value)?.slice(0, 200)}`
        : body.kind === "raw"
          ? `${body.contentType} ${JSON.stringify(body.text.slice(0, 200))}`
          : "no body";

    const property = <T>(arb: fc.Arbitrary<T>, run: (value: T) => Promise<void>, examples: T[] = []) =>
      fc.assert(fc.asyncProperty(arb, run), { numRuns: RUNS, examples: examples.map((e): [T] => [e]) });

    // ----- evidence: public GETs -----

    it(
      "every evidence GET answers 200 or a 4xx problem, whatever the path and query",
      async () => {
        const request = fc.oneof(
          fc
            .tuple(
              fc.oneof(numberSegment, malformedPathId),
              fc.constantFrom("", "/raw", "/proof"),
              queryOf(["treeSize"]),
            )
            .map(([index, tail, query]) => `/evidence/entries/${index}${tail}?${query}`),
          queryOf(["from", "to"]).map((query) => `/evidence/consistency?${query}`),
          fc
            .tuple(numberSegment, numberSegment)
            .map(([from, to]) => `/evidence/consistency?from=${from}&to=${to}`),
          fc.oneof(hexSegment, malformedPathId).map((hash) => `/evidence/leaves/${hash}`),
          fc
            .tuple(fc.oneof(pathId, malformedPathId), queryOf(["after", "limit"]))
            .map(([id, query]) => `/evidence/trail/${id}?${query}`),
          queryOf(["after", "limit"]).map((query) => `/evidence/checkpoints?${query}`),
          queryOf(["start", "limit"]).map((query) => `/evidence/entries?${query}`),
          fc
            .constantFrom("/evidence/key", "/evidence/checkpoint")
            .chain((path) => queryString.map((query) => `${path}?${query}`)),
        );
        await property(
          request,
          async (path) => {
            const url = `/api/v1${path}`;
            const answer = await send("GET", url, { kind: "none" });
            const context = `GET ${url.slice(0, 300)}`;
            const type = /\/raw\?/.test(path)
              ? /^application\/octet-stream/
              : path.startsWith("/evidence/checkpoint?")
                ? /^text\/plain/
                : /^application\/json/;
            expectAnswer(answer, context, type);
          },
          [
            "/evidence/entries/0?",
            "/evidence/entries/0/raw?",
            "/evidence/entries/0/proof?treeSize=1",
            "/evidence/entries/99999999999999999999/proof?",
            "/evidence/entries/1/proof?treeSize=1",
            "/evidence/entries/-1?",
            "/evidence/entries/1.5?",
            "/evidence/entries/9007199254740992?",
            "/evidence/consistency?from=1&to=1",
            "/evidence/consistency?from=2&to=1",
            "/evidence/consistency?from=1&to=9007199254740991",
            "/evidence/consistency?from=0&to=1",
            "/evidence/consistency?from=1&from=2&to=3",
            `/evidence/leaves/${"0".repeat(64)}`,
            "/evidence/trail/%00?",
            "/evidence/checkpoints?after=9007199254740991&limit=1000",
            "/evidence/entries?start=9007199254740991&limit=1000",
            "/evidence/entries?start=-1",
            "/evidence/entries?__proto__=1",
          ],
        );
      },
      PROPERTY_TIMEOUT,
    );

    // ----- classification -----

    const classes = ["public", "enterprise", "personal"];
    const grades = ["core", "important", "general"];
    const modes = ["open", "share", "authorise", "trade", "cross_border"];
    const enumValue = (values: string[]) =>
      fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(...values) },
        fc.constantFrom(...values).map((v) => v.toUpperCase()),
        fc.constantFrom(...values).map((v) => `${v}${NUL}`),
        fc.constantFrom(...values).map((v) => ` ${v}`),
        text,
        fc.constantFrom(...PROTO_KEYS),
      );

    it(
      "GET /classification/decide (logged in): garbage queries are 4xx problems, valid ones a decision",
      async () => {
        const query = fc.oneof(
          {
            weight: 3,
            arbitrary: fc
              .record(
                {
                  originClass: enumValue(classes),
                  grade: enumValue(grades),
                  sensitive: enumValue(["true", "false"]),
                  mode: enumValue(modes),
                },
                { requiredKeys: [] },
              )
              .chain((q) =>
                extraKeys.map((extras) =>
                  [...Object.entries(q), ...extras.map(([k, v]): [string, unknown] => [k, String(v)])]
                    .map(([k, v]) => `${encode(k)}=${encode(String(v))}`)
                    .join("&"),
                ),
              ),
          },
          { weight: 1, arbitrary: queryString },
        );
        await property(
          fc.tuple(query, fc.boolean()),
          async ([q, loggedIn]) => {
            const url = `/api/v1/classification/decide?${q}`;
            const answer = await send(
              "GET",
              url,
              { kind: "none" },
              loggedIn ? { authorization: holder } : {},
            );
            const context = `GET ${url.slice(0, 300)} ${loggedIn ? "as enterprise-a" : "anonymous"}`;
            if (!loggedIn) {
              expectProblem(answer, context);
              expect(answer.statusCode).toBe(401);
              return;
            }
            if (expectAnswer(answer, context)) {
              expect(answer.json()).toMatchObject({
                decision: expect.any(String),
                ruleVersion: expect.any(Number),
              });
            }
          },
          [
            ["originClass=personal&grade=general&sensitive=true&mode=trade", true],
            ["originClass=enterprise&grade=general&sensitive=true&mode=trade", true],
            ["originClass=public&grade=core&mode=cross_border", true],
            ["originClass=__proto__&grade=general&mode=trade", true],
            ["originClass=personal&originClass=public&grade=general&mode=trade", true],
          ],
        );
      },
      PROPERTY_TIMEOUT,
    );

    it(
      "PATCH /classification/rules/{class}/{grade} (regulator): garbage is a 4xx problem and the rule stays as it was",
      async () => {
        const modeRule = fc.oneof(
          {
            weight: 2,
            arbitrary: fc.record({
              decision: enumValue(["allowed", "allowed_with_review", "forbidden"]),
              conditions: fc.oneof(
                fc.array(
                  enumValue([
                    "consent_or_anonymisation",
                    "separate_consent",
                    "security_assessment",
                    "self_assessment",
                  ]),
                  { maxLength: 3 },
                ),
                wrongValue,
              ),
              protections: fc.oneof(fc.array(text, { maxLength: 3 }), wrongValue),
            }),
          },
          { weight: 1, arbitrary: wrongValue },
        );
        const structured = fc
          .record({
            modes: fc.oneof(
              { weight: 3, arbitrary: fc.dictionary(enumValue(modes), modeRule, { maxKeys: 3 }) },
              { weight: 1, arbitrary: wrongValue },
            ),
            reason: fc.oneof(fc.constant("规则调整"), fc.constant(`调整${NUL}`), wrongValue),
            expectedVersion: fc.oneof(fc.constant(undefined), wrongValue, fc.integer()),
          })
          .chain((value) => extraKeys.map((extras) => ({ value, extras })))
          .map(
            ({ value, extras }): Body => ({
              kind: "raw",
              contentType: "application/json",
              text: jsonWithExtras(value as Record<string, unknown>, extras),
            }),
          );
        const target = fc.oneof(
          { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...classes), fc.constantFrom(...grades)) },
          {
            weight: 1,
            arbitrary: fc.tuple(fc.oneof(pathId, malformedPathId), fc.oneof(pathId, malformedPathId)),
          },
        );
        await property<[string[], string, Body]>(
          fc.tuple(
            target,
            fc.oneof(fc.constant(""), queryOf(["sensitive"])),
            fc.oneof(structured, garbageBody),
          ),
          async ([[originClass, grade], query, body]) => {
            const url = `/api/v1/classification/rules/${originClass}/${grade}?${query}`;
            const context = `PATCH ${url.slice(0, 200)} ${describeBody(body)}`;
            const read = async () => {
              const answer = await send("GET", url, { kind: "none" });
              return answer.statusCode === 200 ? answer.json() : answer.statusCode;
            };
            const rulesBefore = await send("GET", "/api/v1/classification/rules", { kind: "none" });
            const ruleBefore = await read();
            const before = await snapshot();
            const answer = await send("PATCH", url, body, { authorization: regulator });
            if (expectAnswer(answer, context)) {
              expect(await snapshot(), context).toEqual(plus(before, { rule_versions: 1, outbox_events: 1 }));
              expect(answer.json()).toMatchObject({
                version: (ruleBefore as { version: number }).version + 1,
              });
            } else {
              expect(await snapshot(), context).toEqual(before);
              expect(await read(), context).toEqual(ruleBefore);
              const rulesAfter = await send("GET", "/api/v1/classification/rules", { kind: "none" });
              expect(rulesAfter.json(), context).toEqual(rulesBefore.json());
            }
          },
          [
            [
              ["enterprise", "general"],
              "",
              json({
                modes: { trade: { decision: "allowed", conditions: [], protections: [] } },
                reason: `x${NUL}`,
              }),
            ],
            [["enterprise", "general"], "", json({ modes: {}, reason: "nothing" })],
            [
              ["public", "core"],
              "",
              json({
                modes: { open: { decision: "allowed", conditions: [], protections: [] } },
                reason: "core out",
              }),
            ],
            [
              ["enterprise", "general"],
              "sensitive=true",
              json({
                modes: { trade: { decision: "forbidden", conditions: [], protections: [] } },
                reason: "r",
              }),
            ],
            [
              ["enterprise", "general"],
              "",
              {
                kind: "raw",
                contentType: "application/json",
                text: '{"modes":{"__proto__":{"decision":"allowed","conditions":[],"protections":[]}},"reason":"p"}',
              },
            ],
            [
              ["enterprise", "general"],
              "",
              json({
                modes: { trade: { decision: "allowed", conditions: [], protections: [] } },
                reason: "r",
                expectedVersion: 999,
              }),
            ],
          ],
        );
        // only a regulator may change a rule
        for (const who of [holder, operator]) {
          const before = await snapshot();
          const answer = await send(
            "PATCH",
            "/api/v1/classification/rules/enterprise/general",
            json({
              modes: { trade: { decision: "forbidden", conditions: [], protections: [] } },
              reason: "not mine",
            }),
            { authorization: who },
          );
          expectProblem(answer, "PATCH rule as non-regulator");
          expect(answer.statusCode).toBe(403);
          expect(await snapshot()).toEqual(before);
        }
      },
      PROPERTY_TIMEOUT,
    );

    // ----- registrations -----

    const create = async (as: string, payload: object) => {
      const answer = await send("POST", "/api/v1/registrations", json(payload), { authorization: as });
      expect(answer.statusCode, answer.body).toBe(201);
      return (answer.json() as { id: string }).id;
    };
    const registration = async (id: string) =>
      (
        await send("GET", `/api/v1/registrations/${id}`, { kind: "none" }, { authorization: operator })
      ).json();
    /** A complete registration of `as`, passed by the reviewer: in public notice. */
    const inNotice = async (as: string) => {
      const id = await create(as, complete);
      expect(
        (await send("POST", `/api/v1/registrations/${id}/submit`, { kind: "none" }, { authorization: as }))
          .statusCode,
      ).toBe(200);
      const passed = await send(
        "POST",
        `/api/v1/registrations/${id}/review`,
        json({ decision: "pass", reason: "ok" }),
        {
          authorization: operator,
        },
      );
      expect(passed.statusCode, passed.body).toBe(200);
      return id;
    };

    const draftSlots = fc.record({
      name: slot(true),
      originClass: slot(true),
      grade: slot(true),
      description: slot(false),
      legalBasis: slot(false),
      fields: slot(false),
      volumeRows: slot(false),
      timeFrom: slot(false),
      keywords: slot(false),
      quality: slot(false),
      contact: slot(false),
    });
    const draftValid = () => ({
      name: "性质测试 资源",
      originClass: "enterprise",
      grade: "general",
      description: "说明\n第二行",
      legalBasis: "generated",
      fields: [{ name: "id", type: "string" }],
      volumeRows: 10,
      timeFrom: "2025-01-01",
      keywords: ["测试"],
      quality: { completeness: 0.5 },
      contact: { name: "数据办", email: "data@example.cn" },
    });
    const slotsBody = ({ slots, extras }: { slots: Record<string, Slot>; extras: [string, unknown][] }) => {
      const { value, allValid } = fill(slots, draftValid());
      const body: Body = {
        kind: "raw",
        contentType: "application/json",
        text: jsonWithExtras(value, extras),
      };
      return { body, mustSucceed: allValid && extras.length === 0 };
    };
    const draftInput = fc.oneof(
      { weight: 2, arbitrary: garbageBody.map((body) => ({ body, mustSucceed: false })) },
      {
        weight: 3,
        arbitrary: fc.tuple(draftSlots, extraKeys).map(([slots, extras]) => slotsBody({ slots, extras })),
      },
    );

    it(
      "POST /registrations (enterprise-a): garbage is a 4xx problem writing nothing, or one draft",
      async () => {
        await property(draftInput, async ({ body, mustSucceed }) => {
          const context = `POST /registrations ${describeBody(body)}`;
          const before = await snapshot();
          const answer = await send("POST", "/api/v1/registrations", body, { authorization: holder });
          if (mustSucceed || answer.statusCode === 201) {
            expect(answer.statusCode, `${context}: ${answer.body.slice(0, 300)}`).toBe(201);
            expect(answer.json()).toMatchObject({ status: "draft", id: expect.stringMatching(/^reg_/) });
            const after = await snapshot();
            expect(after.registrations).toBe((before.registrations ?? 0) + 1);
            expect({ ...after, registrations: 0, outbox_events: 0 }).toEqual({
              ...before,
              registrations: 0,
              outbox_events: 0,
            });
          } else {
            expectProblem(answer, context);
            expect(await snapshot(), context).toEqual(before);
          }
        });
      },
      PROPERTY_TIMEOUT,
    );

    it(
      "PATCH /registrations/{id} (enterprise-a): garbage is a 4xx problem and the draft is unchanged",
      async () => {
        const draft = await create(holder, {
          name: "被编辑的草稿",
          originClass: "enterprise",
          grade: "general",
        });
        const notMine = await create(other, {
          name: "别人的草稿",
          originClass: "enterprise",
          grade: "general",
        });
        const target = fc.oneof(
          { weight: 3, arbitrary: fc.constant(draft) },
          fc.constant(notMine),
          pathId,
          malformedPathId,
        );
        await property(fc.tuple(target, draftInput), async ([id, { body, mustSucceed }]) => {
          const context = `PATCH /registrations/${id.slice(0, 60)} ${describeBody(body)}`;
          const before = await snapshot();
          const draftBefore = await registration(draft);
          const notMineBefore = await registration(notMine);
          const answer = await send("PATCH", `/api/v1/registrations/${id}`, body, { authorization: holder });
          if ((mustSucceed && id === draft) || answer.statusCode === 200) {
            expect(id, context).toBe(draft);
            expect(answer.statusCode, `${context}: ${answer.body.slice(0, 300)}`).toBe(200);
            expect(answer.json()).toMatchObject({ id: draft, status: "draft" });
          } else {
            expectProblem(answer, context);
            expect(await snapshot(), context).toEqual(before);
            expect(await registration(draft), context).toEqual(draftBefore);
          }
          expect(await registration(notMine), context).toEqual(notMineBefore);
        });
      },
      PROPERTY_TIMEOUT,
    );

    it(
      "POST /registrations/{id}/submit and close-notice: garbage ids and bodies are 4xx problems writing nothing",
      async () => {
        const incomplete = await create(holder, {
          name: "不完整",
          originClass: "enterprise",
          grade: "general",
        });
        const notice = await inNotice(holder);
        const othersNotice = await inNotice(other);
        const ids = fc.oneof(
          { weight: 2, arbitrary: fc.constantFrom(incomplete, notice, othersNotice) },
          pathId,
          malformedPathId,
        );
        const who = fc.constantFrom(
          ["submit", "enterprise-a"] as const,
          ["submit", "enterprise-b"] as const,
          ["close-notice", "operator"] as const,
          ["close-notice", "enterprise-a"] as const,
        );
        const tokens: Record<string, string> = { "enterprise-a": holder, "enterprise-b": other, operator };
        await property(
          fc.tuple(ids, who, fc.oneof(fc.constant<Body>({ kind: "none" }), garbageBody)),
          async ([id, [action, user], body]) => {
            const url = `/api/v1/registrations/${id}/${action}`;
            const context = `POST ${url.slice(0, 120)} as ${user} ${describeBody(body)}`;
            const before = await snapshot();
            const states = await Promise.all([incomplete, notice, othersNotice].map(registration));
            const answer = await send("POST", url, body, { authorization: tokens[user] as string });
            expectProblem(answer, context);
            expect(await snapshot(), context).toEqual(before);
            expect(await Promise.all([incomplete, notice, othersNotice].map(registration)), context).toEqual(
              states,
            );
          },
        );
      },
      PROPERTY_TIMEOUT,
    );

    it(
      "POST /registrations/{id}/review (operator): garbage is a 4xx problem writing nothing; a valid decision moves it on",
      async () => {
        let submitted = "";
        const fresh = async () => {
          submitted = await create(holder, complete);
          const ok = await send(
            "POST",
            `/api/v1/registrations/${submitted}/submit`,
            { kind: "none" },
            { authorization: holder },
          );
          expect(ok.statusCode).toBe(200);
        };
        await fresh();
        const reviewBody = fc.oneof(
          {
            weight: 3,
            arbitrary: fc
              .tuple(
                fc.record({ decision: slot(true), reason: slot(true) }),
                fc.constantFrom("pass", "reject"),
                extraKeys,
              )
              .map(([slots, decision, extras]) => {
                const { value, allValid } = fill(slots, { decision, reason: "审查意见" });
                return {
                  body: {
                    kind: "raw",
                    contentType: "application/json",
                    text: jsonWithExtras(value, extras),
                  } as Body,
                  valid: allValid && extras.length === 0,
                };
              }),
          },
          { weight: 2, arbitrary: garbageBody.map((body) => ({ body, valid: false })) },
        );
        await property(
          fc.tuple(
            fc.oneof({ weight: 4, arbitrary: fc.constant("") }, pathId, malformedPathId),
            reviewBody,
            fc.boolean(),
          ),
          async ([garbageId, { body, valid }, asOperator]) => {
            const id = garbageId || submitted;
            const url = `/api/v1/registrations/${id}/review`;
            const context = `POST ${url.slice(0, 120)} ${describeBody(body)} as ${asOperator ? "operator" : "enterprise-a"}`;
            const before = await snapshot();
            const state = await registration(submitted);
            const answer = await send("POST", url, body, { authorization: asOperator ? operator : holder });
            if ((valid && asOperator && !garbageId) || answer.statusCode === 200) {
              expect(answer.statusCode, `${context}: ${answer.body.slice(0, 300)}`).toBe(200);
              expect(["in_notice", "rejected"]).toContain((answer.json() as { status: string }).status);
              await fresh();
            } else {
              expectProblem(answer, context);
              expect(await snapshot(), context).toEqual(before);
              expect(await registration(submitted), context).toEqual(state);
            }
          },
        );
      },
      PROPERTY_TIMEOUT,
    );

    it(
      "POST /registrations/{id}/objections (enterprise-b, and the holder): garbage is a 4xx problem writing nothing",
      async () => {
        const notice = await inNotice(holder);
        const draft = await create(holder, { name: "草稿", originClass: "enterprise", grade: "general" });
        const objection = fc.oneof(
          {
            weight: 3,
            arbitrary: fc
              .tuple(fc.record({ reasons: slot(true), evidence: slot(false) }), extraKeys)
              .map(([slots, extras]) => {
                const { value, allValid } = fill(slots, {
                  reasons: "权属有争议\n见附件",
                  evidence: ["https://example.cn/e/1"],
                });
                return {
                  body: {
                    kind: "raw",
                    contentType: "application/json",
                    text: jsonWithExtras(value, extras),
                  } as Body,
                  valid: allValid && extras.length === 0,
                };
              }),
          },
          { weight: 2, arbitrary: garbageBody.map((body) => ({ body, valid: false })) },
        );
        const target = fc.oneof(
          { weight: 3, arbitrary: fc.constant(notice) },
          fc.constant(draft),
          pathId,
          malformedPathId,
        );
        await property<[string, { body: Body; valid: boolean }, string]>(
          fc.tuple(target, objection, fc.constantFrom("enterprise-b", "enterprise-a")),
          async ([id, { body, valid }, user]) => {
            const url = `/api/v1/registrations/${id}/objections`;
            const context = `POST ${url.slice(0, 120)} as ${user} ${describeBody(body)}`;
            const before = await snapshot();
            const answer = await send("POST", url, body, {
              authorization: user === "enterprise-a" ? holder : other,
            });
            if ((valid && id === notice && user === "enterprise-b") || answer.statusCode === 201) {
              expect(answer.statusCode, `${context}: ${answer.body.slice(0, 300)}`).toBe(201);
              expect(id).toBe(notice);
              expect(user).toBe("enterprise-b");
              const after = await snapshot();
              expect(after.objections).toBe((before.objections ?? 0) + 1);
              expect({ ...after, objections: 0, outbox_events: 0 }).toEqual({
                ...before,
                objections: 0,
                outbox_events: 0,
              });
            } else {
              expectProblem(answer, context);
              expect(await snapshot(), context).toEqual(before);
            }
          },
          [
            [notice, { body: json({ reasons: `异议${NUL}` }), valid: false }, "enterprise-b"],
            [notice, { body: json({ reasons: "ok", evidence: [`e${NUL}`] }), valid: false }, "enterprise-b"],
            [notice, { body: json({ reasons: "mine" }), valid: false }, "enterprise-a"],
          ],
        );
      },
      PROPERTY_TIMEOUT,
    );

    describe("NUL characters in registration text fields", () => {
      it.each([
        ["name", { name: `资源${NUL}`, originClass: "enterprise", grade: "general" }],
        [
          "description",
          { name: "资源", originClass: "enterprise", grade: "general", description: `说明${NUL}` },
        ],
        ["fields", { ...complete, fields: [{ name: `a${NUL}`, type: "string" }] }],
        ["keywords", { ...complete, keywords: [`k${NUL}`] }],
        ["contact", { ...complete, contact: { name: `c${NUL}` } }],
        ["quality", { ...complete, quality: { note: `q${NUL}` } }],
      ])("a NUL in %s is a 400 problem writing nothing", async (_, payload) => {
        const before = await snapshot();
        const answer = await send("POST", "/api/v1/registrations", json(payload), { authorization: holder });
        expectProblem(answer, `POST /registrations with NUL`);
        expect(answer.statusCode).toBe(400);
        expect(await snapshot()).toEqual(before);
      });
    });
  },
);
