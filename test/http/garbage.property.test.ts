import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterpriseApplication, freshUscc } from "../identity/applications.js";
import { DEMO_PASSWORD, DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import {
  type Answer,
  type Body,
  garbageBody,
  headerValue,
  isCleanMultilineText,
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
  VALID,
} from "./garbage-requests.js";

/**
 * Garbage at the edges (property-based). Whatever a client throws at the API — any JSON, objects
 * with the right keys and wrong values, raw strings, wrong content types, hostile query strings
 * and path ids, bad Idempotency-Keys — the answer is a 4xx problem document (or, when the input
 * happens to be valid, a proper success), never a 5xx, and a refused request writes nothing.
 */

const RUNS = 60;
/** Shrinking a failure re-runs requests against a database; give it room, but not forever. */
const PROPERTY_TIMEOUT = 90_000;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

// ---------- the properties ----------

describe.each(DIALECTS)("garbage at the HTTP edge on %s", (dialect) => {
  let t: TestApp;
  let operator: string;
  let admin: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    operator = await t.bearer("operator");
    admin = await t.bearer("enterprise-a");
  });
  afterAll(() => t.cleanup());

  let serial = 0;
  const fresh = (prefix: string) => {
    serial += 1;
    return `${prefix}${Date.now().toString(36)}${serial}`;
  };

  const send = (method: "GET" | "POST", url: string, body: Body, headers: Record<string, string> = {}) =>
    sendBody(t.app, method, url, body, headers);

  /** Row counts of everything a refused request must not touch, plus failed-login events. */
  const snapshot = async () => {
    const { rows } = await sql<Record<string, string | number>>`
      select
        (select count(*) from participants) as participants,
        (select count(*) from users) as users,
        (select count(*) from api_keys) as api_keys,
        (select count(*) from sessions) as sessions,
        (select count(*) from outbox_events) as outbox_events,
        (select count(*) from outbox_events where type = 'identity.login_failed') as login_failed
    `.execute(t.k.db);
    return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
  };
  type Snapshot = Awaited<ReturnType<typeof snapshot>>;
  const plus = (before: Snapshot, changes: Partial<Snapshot>): Snapshot =>
    Object.fromEntries(Object.entries(before).map(([k, v]) => [k, v + (changes[k] ?? 0)]));

  /** A 4xx answer is an RFC 9457 problem with a stable code and a message. */
  const expectProblem = (answer: Answer, context: string) => {
    expect(answer.statusCode, `${context}: ${answer.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
    expect(answer.statusCode, `${context}: ${answer.body.slice(0, 300)}`).toBeLessThan(500);
    expect(String(answer.headers["content-type"]), context).toMatch(/^application\/problem\+json/);
    const problem = answer.json() as Record<string, unknown>;
    expect(problem.code, context).toEqual(expect.stringMatching(/^[a-z][a-z0-9_]*$/));
    expect(problem.message, context).toEqual(expect.any(String));
    expect(problem.status, context).toBe(answer.statusCode);
    if (problem.field !== undefined) expect(problem.field, context).toEqual(expect.any(String));
  };
  const expectSuccess = (answer: Answer, status: number, context: string) => {
    expect(answer.statusCode, `${context}: ${answer.body.slice(0, 300)}`).toBe(status);
    expect(String(answer.headers["content-type"]), context).toMatch(/^application\/json/);
  };
  const describeBody = (body: Body) =>
    body.kind === "json"
      ? `json ${JSON.stringify(body.value)?.slice(0, 200)}`
      : body.kind === "raw"
        ? `${body.contentType} ${JSON.stringify(body.text.slice(0, 200))}`
        : "no body";

  /**
   * `examples` always run first, then RUNS random inputs. The examples pin inputs that once broke
   * an endpoint (a NUL character crashed PostgreSQL), so they are tried on every run, not by luck.
   */
  const property = <T>(arb: fc.Arbitrary<T>, run: (value: T) => Promise<void>, examples: T[] = []) =>
    fc.assert(fc.asyncProperty(arb, run), { numRuns: RUNS, examples: examples.map((e): [T] => [e]) });
  const NUL = "\u0000";
  const rawJson = (value: unknown): Body => ({
    kind: "raw",
    contentType: "application/json",
    text: JSON.stringify(value),
  });

  // ----- POST /api/v1/participants -----

  const applicationSlots = fc.record({
    type: slot(true),
    name: slot(true),
    uscc: slot(true),
    contactEmail: slot(true),
    region: slot(false),
    contactPhone: slot(false),
    admin: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({ username: slot(true), password: slot(true), displayName: slot(false) }),
      },
      { weight: 1, arbitrary: wrongValue.map((wrong) => ({ wrong })) },
    ),
  });
  type ApplicationSlots = typeof applicationSlots extends fc.Arbitrary<infer T> ? T : never;
  const application = (
    top: Partial<ApplicationSlots> = {},
    admin: Record<string, Slot> = {},
  ): { slots: ApplicationSlots; extras: [string, unknown][] } => ({
    slots: {
      type: VALID,
      name: VALID,
      uscc: VALID,
      contactEmail: VALID,
      region: VALID,
      contactPhone: { absent: "optional" },
      admin: { username: VALID, password: VALID, displayName: VALID, ...admin },
      ...top,
    },
    extras: [],
  });

  it(
    "POST /participants: any body is a 4xx problem writing nothing, or a pending application",
    async () => {
      await property(
        fc.oneof(
          { weight: 2, arbitrary: garbageBody.map((body) => ({ body, extras: [] as [string, unknown][] })) },
          {
            weight: 3,
            arbitrary: fc.tuple(applicationSlots, extraKeys).map(([slots, extras]) => ({ slots, extras })),
          },
        ),
        async (input) => {
          let body: Body;
          let mustSucceed = false;
          if ("slots" in input) {
            const n = fresh("");
            const { admin: adminSlots, ...top } = input.slots;
            const filled = fill(top, {
              type: "enterprise",
              name: `性质测试企业${n}有限公司`,
              uscc: freshUscc(),
              contactEmail: `prop${n}@example.cn`,
              region: "440300",
              contactPhone: "+86 755 1234 5678",
            });
            let adminValue: unknown;
            let adminValid = false;
            if ("wrong" in adminSlots) adminValue = adminSlots.wrong;
            else {
              const a = fill(adminSlots as Record<string, Slot>, {
                username: `prop-${n}`,
                password: "a long enough password",
                displayName: "属性 测试",
              });
              adminValue = a.value;
              adminValid = a.allValid;
            }
            const value = { ...filled.value, admin: adminValue };
            mustSucceed = filled.allValid && adminValid && input.extras.length === 0;
            body = {
              kind: "raw",
              contentType: "application/json",
              text: jsonWithExtras(value, input.extras),
            };
          } else {
            body = input.body;
          }
          const context = `POST /participants ${describeBody(body)}`;
          const before = await snapshot();
          const answer = await send("POST", "/api/v1/participants", body);
          if (mustSucceed || answer.statusCode === 201) {
            expectSuccess(answer, 201, context);
            const created = answer.json() as Record<string, unknown>;
            expect(created).toMatchObject({ status: "pending", admittedAt: null });
            expect(String(created.id)).toMatch(/^ptc_/);
            expect(await snapshot()).toEqual(plus(before, { participants: 1, users: 1, outbox_events: 2 }));
          } else {
            expectProblem(answer, context);
            expect(await snapshot(), context).toEqual(before);
          }
        },
        [
          application(),
          application({ name: { wrong: `甲${NUL}乙公司` } }),
          application({}, { displayName: { wrong: `管理员${NUL}` } }),
          application({ type: { wrong: "exchange_operator" } }),
        ],
      );
    },
    PROPERTY_TIMEOUT,
  );

  // ----- POST /api/v1/auth/login -----

  it(
    "POST /auth/login: garbage is a 4xx problem; only a failed-login event is ever written for it",
    async () => {
      const credentials = fc
        .tuple(
          fc.oneof(
            fc.constant<Slot>(VALID),
            wrongValue.map((wrong): Slot => ({ wrong })),
            fc.constant<Slot>({ absent: "required" }),
          ),
          fc.oneof(
            fc.constant<Slot>(VALID),
            wrongValue.map((wrong): Slot => ({ wrong })),
            fc.constant<Slot>({ absent: "required" }),
          ),
          extraKeys,
        )
        .map(([username, password, extras]) => {
          const { value, allValid } = fill(
            { username, password },
            { username: "enterprise-b", password: DEMO_PASSWORD },
          );
          return {
            body: {
              kind: "raw",
              contentType: "application/json",
              text: jsonWithExtras(value, extras),
            } as Body,
            mustSucceed: allValid && extras.length === 0,
          };
        });
      await property(
        fc.oneof(
          garbageBody.map((body) => ({ body, mustSucceed: false })),
          credentials,
        ),
        async ({ body, mustSucceed }) => {
          const context = `POST /auth/login ${describeBody(body)}`;
          const before = await snapshot();
          const answer = await send("POST", "/api/v1/auth/login", body);
          if (mustSucceed || answer.statusCode === 200) {
            expectSuccess(answer, 200, context);
            expect(answer.json()).toMatchObject({ tokenType: "Bearer", user: { username: "enterprise-b" } });
            expect(await snapshot()).toEqual(plus(before, { sessions: 1, outbox_events: 1 }));
            return;
          }
          expectProblem(answer, context);
          const { code } = answer.json() as { code: string };
          // A well-formed attempt with wrong credentials is evidence (CT-7): exactly one
          // identity.login_failed event, and nothing else. A malformed request writes nothing.
          const attempted = code === "invalid_credentials" || code === "participant_not_active";
          expect(await snapshot(), context).toEqual(
            attempted ? plus(before, { outbox_events: 1, login_failed: 1 }) : before,
          );
        },
        [
          { body: rawJson({ username: "enterprise-b", password: DEMO_PASSWORD }), mustSucceed: true },
          { body: rawJson({ username: "enterprise-b", password: "wrong password" }), mustSucceed: false },
          { body: rawJson({ username: `enterprise-b${NUL}`, password: DEMO_PASSWORD }), mustSucceed: false },
          { body: rawJson({ username: "enterprise-b", password: `x${NUL}` }), mustSucceed: false },
        ],
      );
    },
    PROPERTY_TIMEOUT,
  );

  // ----- POST /api/v1/auth/refresh -----

  it(
    "POST /auth/refresh: garbage bodies and cookies are 4xx problems and open no session",
    async () => {
      const cookie = fc.oneof(
        fc.constant(undefined),
        headerValue.map((v) => `yaosu_refresh=${v}`),
        headerValue,
        fc.constantFrom("yaosu_refresh=", "yaosu_refresh", "yaosu_refresh=a; yaosu_refresh=b", "=;=;"),
      );
      const refreshBody = fc.oneof(
        garbageBody,
        fc.tuple(wrongValue, extraKeys).map(
          ([token, extras]): Body => ({
            kind: "raw",
            contentType: "application/json",
            text: jsonWithExtras({ refreshToken: token }, extras),
          }),
        ),
      );
      await property(fc.tuple(refreshBody, cookie), async ([body, cookieHeader]) => {
        const context = `POST /auth/refresh ${describeBody(body)} cookie ${cookieHeader}`;
        const before = await snapshot();
        const answer = await send(
          "POST",
          "/api/v1/auth/refresh",
          body,
          cookieHeader ? { cookie: cookieHeader } : {},
        );
        expectProblem(answer, context);
        expect(await snapshot(), context).toEqual(before);
      });
    },
    PROPERTY_TIMEOUT,
  );

  // ----- GET /api/v1/participants/{id} -----

  it(
    "GET /participants/{id}: any id and query string is a 4xx problem, or the participant",
    async () => {
      const known = await t.k.db
        .selectFrom("participants")
        .select("id")
        .where("status", "=", "admitted")
        .execute();
      const id = fc.oneof(
        { weight: 6, arbitrary: pathId },
        { weight: 1, arbitrary: fc.constantFrom(...known.map((r) => r.id)) },
      );
      await property(fc.tuple(id, fc.option(queryString)), async ([pid, query]) => {
        const url = `/api/v1/participants/${pid}${query === null ? "" : `?${query}`}`;
        const answer = await send("GET", url, { kind: "none" });
        if (known.some((r) => r.id === pid)) {
          expectSuccess(answer, 200, url);
          expect((answer.json() as { id: string }).id).toBe(pid);
        } else {
          expectProblem(answer, `GET ${url}`);
          if (pid.startsWith("ptc_") && ULID.test(pid.slice(4)))
            expect((answer.json() as { code: string }).code).toBe("participant_not_found");
        }
      });
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "a malformed or over-long {id} segment is a 4xx problem on every route that takes one",
    async () => {
      const route = fc.constantFrom(
        "GET /api/v1/participants/{id}",
        "POST /api/v1/admissions/{id}/admit",
        "POST /api/v1/admissions/{id}/reject",
      );
      await property(fc.tuple(route, malformedPathId), async ([template, id]) => {
        const [method, path] = template.split(" ") as ["GET" | "POST", string];
        const url = path.replace("{id}", id);
        const before = await snapshot();
        const answer = await send(
          method,
          url,
          method === "POST" ? { kind: "json", value: { reason: "垃圾输入" } } : { kind: "none" },
          { authorization: operator },
        );
        expectProblem(answer, `${method} ${url}`);
        expect(await snapshot()).toEqual(before);
      });
    },
    PROPERTY_TIMEOUT,
  );

  // ----- GET /api/v1/admissions -----

  it(
    "GET /admissions (operator): a garbage status or query is 400; a real status lists only that status",
    async () => {
      const STATUSES = ["pending", "admitted", "rejected"];
      const input = fc.oneof(
        fc
          .oneof(
            text,
            fc.constantFrom(...STATUSES, "suspended", "exited", "PENDING", " pending", "pending\u0000"),
          )
          .map((status) => ({
            query: `status=${encode(status)}`,
            expected: STATUSES.includes(status) ? status : "refused",
          })),
        queryString.map((query) => ({ query, expected: "unknown" })),
      );
      await property(input, async ({ query, expected }) => {
        const url = `/api/v1/admissions?${query}`;
        const answer = await send("GET", url, { kind: "none" }, { authorization: operator });
        if (expected === "refused") {
          expectProblem(answer, `GET ${url}`);
          expect(answer.statusCode).toBe(400);
          return;
        }
        if (expected !== "unknown" || answer.statusCode === 200) {
          expectSuccess(answer, 200, `GET ${url}`);
          const items = (answer.json() as { items: { status: string }[] }).items;
          const statuses = new Set(items.map((p) => p.status));
          expect(statuses.size, url).toBeLessThanOrEqual(1);
          if (expected !== "unknown" && items.length) expect([...statuses]).toEqual([expected]);
          return;
        }
        expectProblem(answer, `GET ${url}`);
      });
    },
    PROPERTY_TIMEOUT,
  );

  // ----- POST /api/v1/admissions/{id}/admit and /reject -----

  const newApplicant = async () => {
    const applied = await t.app.inject({
      method: "POST",
      url: "/api/v1/participants",
      payload: enterpriseApplication(),
    });
    expect(applied.statusCode, applied.body).toBe(201);
    return (applied.json() as { id: string }).id;
  };
  /** A pending applicant to decide on; replaced once a run decides it. */
  let pending: string | null = null;
  const pendingId = async () => {
    pending ??= await newApplicant();
    return pending;
  };
  const statusOf = async (id: string) =>
    (await t.k.db.selectFrom("participants").select("status").where("id", "=", id).executeTakeFirst())
      ?.status;

  for (const decision of ["admit", "reject"] as const) {
    it(
      `POST /admissions/{id}/${decision} (operator): garbage ids and bodies are 4xx problems changing nothing`,
      async () => {
        const field = decision === "admit" ? "note" : "reason";
        const decisionBody = fc.oneof(
          { weight: 2, arbitrary: garbageBody.map((body) => ({ body, valid: false })) },
          {
            weight: 3,
            arbitrary: fc.tuple(fc.oneof(text, wrongValue), extraKeys).map(([value, extras]) => {
              const trimmed = typeof value === "string" ? value.trim() : null;
              // Control characters (other than tab and line breaks) and lone surrogates are no
              // valid text (see the pinned examples at the end).
              const valid =
                extras.length === 0 &&
                trimmed !== null &&
                isCleanMultilineText(trimmed) &&
                trimmed.length <= 2000 &&
                (decision === "admit" || trimmed.length >= 1);
              return {
                body: {
                  kind: "raw",
                  contentType: "application/json",
                  text: jsonWithExtras({ [field]: value }, extras),
                } as Body,
                valid,
              };
            }),
          },
          ...(decision === "admit"
            ? [
                {
                  weight: 1,
                  arbitrary: fc.constant({ body: { kind: "json", value: {} } as Body, valid: true }),
                },
              ]
            : []),
        );
        const target = fc.oneof(
          { weight: 3, arbitrary: fc.constant<"pending">("pending") },
          { weight: 1, arbitrary: fc.constant<"admitted">("admitted") },
          { weight: 3, arbitrary: pathId },
        );
        const admittedDemo = (
          await t.k.db
            .selectFrom("participants")
            .select("id")
            .where("status", "=", "admitted")
            .executeTakeFirstOrThrow()
        ).id;
        await property<[string, { body: Body; valid: boolean }]>(
          fc.tuple(target, decisionBody),
          async ([which, { body, valid }]) => {
            const id = which === "pending" ? await pendingId() : which === "admitted" ? admittedDemo : which;
            const url = `/api/v1/admissions/${id}/${decision}`;
            const context = `POST ${url} ${describeBody(body)}`;
            const statusBefore = await statusOf(id);
            const before = await snapshot();
            const answer = await send("POST", url, body, { authorization: operator });
            if ((which === "pending" && valid) || answer.statusCode === 200) {
              expectSuccess(answer, 200, context);
              expect(which, context).toBe("pending");
              const decided = answer.json() as { id: string; status: string };
              expect(decided).toMatchObject({ id, status: decision === "admit" ? "admitted" : "rejected" });
              expect(await statusOf(id)).toBe(decided.status);
              expect(await snapshot()).toEqual(plus(before, { outbox_events: 1 }));
              pending = null;
              return;
            }
            expectProblem(answer, context);
            if (which === "admitted")
              expect((answer.json() as { code: string }).code, context).toMatch(
                /^(invalid_state|validation_failed|reason_required|invalid_json|empty_body|unsupported_media_type|body_too_large|bad_request)$/,
              );
            expect(await snapshot(), context).toEqual(before);
            expect(await statusOf(id), context).toBe(statusBefore);
          },
          [
            ["pending", { body: rawJson({ [field]: `决定${NUL}` }), valid: false }],
            ["admitted", { body: rawJson({ [field]: `决定${NUL}` }), valid: false }],
            ["pending", { body: rawJson({ [field]: "   " }), valid: decision === "admit" }],
            ["admitted", { body: rawJson({ [field]: "已准入，不应再次决定" }), valid: true }],
          ],
        );
      },
      PROPERTY_TIMEOUT,
    );
  }

  // ----- POST /api/v1/participants/me/api-keys -----

  it(
    "POST /participants/me/api-keys (admin): garbage is a 4xx problem issuing no key",
    async () => {
      const keySlots = fc
        .tuple(fc.record({ name: slot(true), scopes: slot(true) }), extraKeys)
        .map(([slots, extras]) => ({ slots, extras }));
      await property(
        fc.oneof(
          garbageBody.map((body) => ({ body })),
          keySlots,
        ),
        async (input) => {
          let body: Body;
          let mustSucceed = false;
          if ("slots" in input) {
            const { value, allValid } = fill(input.slots, {
              name: fresh("key "),
              scopes: ["participants:read"],
            });
            mustSucceed = allValid && input.extras.length === 0;
            body = {
              kind: "raw",
              contentType: "application/json",
              text: jsonWithExtras(value, input.extras),
            };
          } else body = input.body;
          const context = `POST /participants/me/api-keys ${describeBody(body)}`;
          const before = await snapshot();
          const answer = await send("POST", "/api/v1/participants/me/api-keys", body, {
            authorization: admin,
          });
          if (mustSucceed || answer.statusCode === 201) {
            expectSuccess(answer, 201, context);
            const issued = answer.json() as { apiKey: { id: string }; secret: string };
            expect(issued.secret).toMatch(/^ysk_/);
            expect(issued.apiKey.id).toMatch(/^key_/);
            expect(await snapshot()).toEqual(plus(before, { api_keys: 1, outbox_events: 1 }));
          } else {
            expectProblem(answer, context);
            expect(await snapshot(), context).toEqual(before);
          }
        },
        [
          { slots: { name: VALID, scopes: VALID }, extras: [] },
          { slots: { name: { wrong: `接口${NUL}密钥` }, scopes: VALID }, extras: [] },
          { slots: { name: VALID, scopes: { wrong: ["participants:read", "root"] } }, extras: [] },
        ],
      );
    },
    PROPERTY_TIMEOUT,
  );

  // ----- POST /api/v1/participants/me/users -----

  it(
    "POST /participants/me/users (admin): garbage is a 4xx problem creating no user",
    async () => {
      const userSlots = fc
        .tuple(
          fc.record({
            username: slot(true),
            password: slot(true),
            displayName: slot(false),
            roles: slot(true),
          }),
          extraKeys,
        )
        .map(([slots, extras]) => ({ slots, extras }));
      await property(
        fc.oneof(
          garbageBody.map((body) => ({ body })),
          userSlots,
        ),
        async (input) => {
          let body: Body;
          let mustSucceed = false;
          if ("slots" in input) {
            const { value, allValid } = fill(input.slots, {
              username: fresh("member-"),
              password: "a long enough password",
              displayName: "成员 甲",
              roles: ["member"],
            });
            mustSucceed = allValid && input.extras.length === 0;
            body = {
              kind: "raw",
              contentType: "application/json",
              text: jsonWithExtras(value, input.extras),
            };
          } else body = input.body;
          const context = `POST /participants/me/users ${describeBody(body)}`;
          const before = await snapshot();
          const answer = await send("POST", "/api/v1/participants/me/users", body, { authorization: admin });
          if (mustSucceed || answer.statusCode === 201) {
            expectSuccess(answer, 201, context);
            expect(answer.json()).toMatchObject({ status: "active", id: expect.stringMatching(/^usr_/) });
            expect(await snapshot()).toEqual(plus(before, { users: 1, outbox_events: 1 }));
          } else {
            expectProblem(answer, context);
            expect(await snapshot(), context).toEqual(before);
          }
        },
        [
          { slots: { username: VALID, password: VALID, displayName: VALID, roles: VALID }, extras: [] },
          {
            slots: { username: VALID, password: VALID, displayName: { wrong: `成员${NUL}` }, roles: VALID },
            extras: [],
          },
          {
            slots: { username: { wrong: "enterprise-a" }, password: VALID, displayName: VALID, roles: VALID },
            extras: [],
          },
        ],
      );
    },
    PROPERTY_TIMEOUT,
  );

  // ----- Idempotency-Key -----

  it(
    "Idempotency-Key: a malformed key is 400 invalid_idempotency_key writing nothing; a good one replays",
    async () => {
      const KEY = /^[\x21-\x7e]{1,200}$/;
      const key = fc.oneof(
        headerValue,
        fc.string({
          unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
          minLength: 1,
          maxLength: 250,
        }),
        fc.constantFrom(
          "",
          " ",
          "a b",
          "\t",
          "é",
          "ключ",
          "k".repeat(200),
          "k".repeat(201),
          "__proto__",
          "null",
        ),
      );
      const used = new Set<string>();
      await property(key, async (raw) => {
        const application = enterpriseApplication();
        const headers = { "idempotency-key": raw };
        const context = `Idempotency-Key ${JSON.stringify(raw)}`;
        const before = await snapshot();
        const first = await send(
          "POST",
          "/api/v1/participants",
          { kind: "json", value: application },
          headers,
        );
        if (!KEY.test(raw)) {
          expectProblem(first, context);
          expect(first.json(), context).toMatchObject({
            code: "invalid_idempotency_key",
            field: "Idempotency-Key",
          });
          expect(await snapshot(), context).toEqual(before);
          return;
        }
        if (first.statusCode === 409) {
          // the key was drawn before, with another application
          expect(used.has(raw), context).toBe(true);
          expect(first.json(), context).toMatchObject({ code: "idempotency_key_reused" });
          expect(await snapshot(), context).toEqual(before);
          return;
        }
        used.add(raw);
        expectSuccess(first, 201, context);
        const retry = await send(
          "POST",
          "/api/v1/participants",
          { kind: "json", value: application },
          headers,
        );
        expect(retry.statusCode, context).toBe(201);
        expect(retry.headers["idempotent-replayed"], context).toBe("true");
        expect(retry.json()).toEqual(first.json());
        expect(await snapshot()).toEqual(plus(before, { participants: 1, users: 1, outbox_events: 2 }));
      });
    },
    PROPERTY_TIMEOUT,
  );

  // ----- credentials -----

  it(
    "garbage credentials (Authorization, X-Api-Key) on an operator route are 401/403 problems",
    async () => {
      const credentials = fc.oneof(
        headerValue.map((v) => ({ authorization: v })),
        headerValue.map((v) => ({ authorization: `Bearer ${v}` })),
        headerValue.map((v) => ({ "x-api-key": v })),
        headerValue.map((v) => ({ "x-api-key": `ysk_${v}` })),
        fc
          .tuple(fc.base64String({ maxLength: 40 }), fc.base64String({ maxLength: 40 }), fc.base64String())
          .map(([a, b, c]) => ({ authorization: `Bearer ${a}.${b}.${c}` })),
        fc.constantFrom(
          { authorization: "Bearer" },
          { authorization: "Bearer " },
          { authorization: "Basic b3BlcmF0b3I6cGFzc3dvcmQ=" },
          { authorization: "Bearer ysk_" },
          {
            authorization:
              "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ1c3JfMDFBUlozTkRFS1RTVjRSUkZGUTY5RzVGQVYiLCJzaWQiOiJ4In0.",
          },
        ),
      );
      await property(credentials, async (headers) => {
        const answer = await send("GET", "/api/v1/admissions", { kind: "none" }, headers);
        expectProblem(answer, `GET /admissions with ${JSON.stringify(headers)}`);
        expect([401, 403]).toContain(answer.statusCode);
      });
    },
    PROPERTY_TIMEOUT,
  );

  // ----- what the properties found -----

  describe("inputs the properties found breaking the edge, pinned as plain examples", () => {
    const countAll = () => snapshot();

    it.each([
      [
        "an application's name",
        "/api/v1/participants",
        "name",
        () => ({ ...enterpriseApplication(), name: `甲${NUL}公司` }),
      ],
      [
        "an application admin's display name",
        "/api/v1/participants",
        "admin.displayName",
        () => {
          const a = enterpriseApplication();
          return { ...a, admin: { ...a.admin, displayName: `管理员${NUL}` } };
        },
      ],
      [
        "an API key's name",
        "/api/v1/participants/me/api-keys",
        "name",
        () => ({ name: `k${NUL}`, scopes: ["participants:read"] }),
      ],
      [
        "a new user's display name",
        "/api/v1/participants/me/users",
        "displayName",
        () => ({
          username: fresh("nul-"),
          password: "a long enough password",
          displayName: `x${NUL}`,
          roles: ["member"],
        }),
      ],
    ])(
      "a NUL character in %s is refused with 400 naming the field, on both engines",
      async (_, url, field, payload) => {
        const before = await countAll();
        const answer = await t.app.inject({
          method: "POST",
          url,
          payload: payload(),
          headers: { authorization: admin },
        });
        expectProblem(answer, `POST ${url}`);
        expect(answer.json()).toMatchObject({ status: 400, field });
        expect(await countAll()).toEqual(before);
      },
    );

    it.each(["admit", "reject"] as const)(
      "a NUL character in the %s note or reason is refused with 400, and the applicant stays pending",
      async (decision) => {
        const id = await newApplicant();
        const field = decision === "admit" ? "note" : "reason";
        const before = await countAll();
        const answer = await t.app.inject({
          method: "POST",
          url: `/api/v1/admissions/${id}/${decision}`,
          headers: { authorization: operator },
          payload: { [field]: `材料${NUL}不全` },
        });
        expectProblem(answer, `${decision} with NUL`);
        expect(answer.json()).toMatchObject({ status: 400, field });
        expect(await statusOf(id)).toBe("pending");
        expect(await countAll()).toEqual(before);
      },
    );

    it("a NUL character in a login name is a 4xx problem, not a crash", async () => {
      const answer = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: `operator${NUL}`, password: DEMO_PASSWORD },
      });
      expectProblem(answer, "login with NUL");
    });

    it.each(["%ZZ", "%", "%C0%80", "p".repeat(101)])(
      "GET /participants/%s answers a problem document, like every other refusal",
      async (id) => {
        const answer = await t.app.inject({ method: "GET", url: `/api/v1/participants/${id}` });
        expectProblem(answer, `GET /participants/${id.slice(0, 20)}`);
      },
    );

    it("POST /auth/refresh with the refresh cookie and no body gives new tokens (the body is optional)", async () => {
      const login = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "enterprise-b", password: DEMO_PASSWORD },
      });
      const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
      expect(cookie).toMatch(/^yaosu_refresh=/);
      const refreshed = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/refresh",
        headers: { cookie },
      });
      expect(refreshed.statusCode, refreshed.body).toBe(200);
      expect(refreshed.json()).toMatchObject({ tokenType: "Bearer", user: { username: "enterprise-b" } });
    });

    it("POST /admissions/{id}/admit with no body admits (the note is optional)", async () => {
      const id = await newApplicant();
      const answer = await t.app.inject({
        method: "POST",
        url: `/api/v1/admissions/${id}/admit`,
        headers: { authorization: operator },
      });
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json()).toMatchObject({ id, status: "admitted" });
    });

    it("an Idempotency-Key does not keep secrets: the API key secret and login tokens are not stored in clear", async () => {
      const issued = await t.app.inject({
        method: "POST",
        url: "/api/v1/participants/me/api-keys",
        headers: { authorization: admin, "idempotency-key": fresh("secret-key-") },
        payload: { name: "shown once", scopes: ["participants:read"] },
      });
      expect(issued.statusCode).toBe(201);
      const login = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { "idempotency-key": fresh("login-key-") },
        payload: { username: "enterprise-b", password: DEMO_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const stored = JSON.stringify((await sql`select * from idempotency_keys`.execute(t.k.db)).rows);
      expect(stored.includes(issued.json().secret), "API key secret stored in idempotency_keys").toBe(false);
      expect(stored.includes(login.json().refreshToken), "refresh token stored in idempotency_keys").toBe(
        false,
      );
      expect(stored.includes(login.json().accessToken), "access token stored in idempotency_keys").toBe(
        false,
      );
    });
  });
});
