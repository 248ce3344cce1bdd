import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { CITIZEN_ID, OTHER_IDS, world } from "./world.js";

/** PR-5 refusals: the holder refuses with a reason, the requester withdraws; wrong callers and bad input change nothing. */
describe.each(DIALECTS)("PR-5 copy-request refusals on %s", (dialect) => {
  let t: TestApp;
  let registration: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    const dataset = await w.importDataset("enterprise-a");
    registration = await w.registered("enterprise-a", dataset);
  }, 60_000);
  afterAll(() => t.cleanup());
  const w = world(() => t);
  const { as, events } = w;
  const submit = (user: string | null, kind: string, value: string, reg = registration) =>
    as(user, "POST", "/source-requests", { registrationId: reg, identifier: { kind, value } });

  it("PR-5 refusal with a reason, withdrawal, and who may do what", async () => {
    const a = (await submit("citizen", "resident_id", CITIZEN_ID)).json();
    expect(
      (await as("citizen", "POST", `/source-requests/${a.id}/refuse`, { reason: "mine" })).json().code,
    ).toBe("not_holder");
    expect(
      (await as("enterprise-b", "POST", `/source-requests/${a.id}/refuse`, { reason: "x" })).statusCode,
    ).toBe(404);
    expect(
      (await as("enterprise-b", "POST", `/source-requests/${a.id}/fulfil`, { column: "resident_id" }))
        .statusCode,
    ).toBe(404);
    expect((await as("enterprise-a", "POST", `/source-requests/${a.id}/withdraw`)).json().code).toBe(
      "not_requester",
    );
    const bad = await as("enterprise-a", "POST", `/source-requests/${a.id}/fulfil`, { column: "no_such" });
    expect(bad.json()).toMatchObject({ code: "column_not_found", field: "column" });
    expect((await as("citizen", "GET", `/source-requests/${a.id}`)).json().status).toBe("submitted");

    const refused = await as("enterprise-a", "POST", `/source-requests/${a.id}/refuse`, {
      reason: "数据已按期删除",
    });
    expect(refused.json()).toMatchObject({ status: "refused", refusalReason: "数据已按期删除", copy: null });
    expect(
      (await as("enterprise-a", "POST", `/source-requests/${a.id}/refuse`, { reason: "again" })).statusCode,
    ).toBe(409);
    expect((await as("citizen", "GET", `/source-requests/${a.id}/copy`)).json().code).toBe("no_copy");
    const row = await t.k.db
      .selectFrom("source_requests")
      .selectAll()
      .where("id", "=", a.id)
      .executeTakeFirstOrThrow();
    expect(row.identifier_sealed).toBeNull();
    const refusedEvent = (await events("source_request.refused")).find((e) => e.payload.requestId === a.id);
    expect(JSON.stringify(refusedEvent)).not.toContain("数据已按期删除");

    const b = (await submit("citizen", "resident_id", CITIZEN_ID)).json();
    expect((await as("citizen", "POST", `/source-requests/${b.id}/withdraw`)).json().status).toBe(
      "withdrawn",
    );
    expect(
      (await as("enterprise-a", "POST", `/source-requests/${b.id}/fulfil`, { column: "resident_id" }))
        .statusCode,
    ).toBe(409);
  });

  it("PR-5 bad input is a 4xx naming the field, and writes nothing", async () => {
    const count = async () => (await t.k.db.selectFrom("source_requests").select("id").execute()).length;
    const before = await count();
    const cases: [string | null, object, number, string, string | undefined][] = [
      [
        "citizen",
        { registrationId: registration, identifier: { kind: "resident_id", value: "310104199003071234" } },
        400,
        "invalid_identifier",
        "identifier.value",
      ],
      [
        "citizen",
        { registrationId: registration, identifier: { kind: "resident_id", value: OTHER_IDS[0] } },
        403,
        "identifier_not_yours",
        "identifier.value",
      ],
      [
        "citizen",
        { registrationId: registration, identifier: { kind: "mobile", value: "13800138000" } },
        403,
        "identifier_not_yours",
        "identifier.value",
      ],
      [
        "citizen",
        { registrationId: registration, identifier: { kind: "mobile", value: "12345" } },
        400,
        "invalid_identifier",
        "identifier.value",
      ],
      [
        "citizen",
        { registrationId: registration, identifier: { kind: "passport", value: "E1234567" } },
        400,
        "validation_failed",
        "identifier.kind",
      ],
      [
        "citizen",
        { registrationId: registration, identifier: { kind: "other", value: "a\u0000b" } },
        400,
        "validation_failed",
        "identifier.value",
      ],
      [
        "citizen",
        { identifier: { kind: "other", value: "member 42" } },
        400,
        "validation_failed",
        "registrationId",
      ],
      [
        "citizen",
        { registrationId: "reg_01ARZ3NDEKTSV4RRFFQ69G5FAV", identifier: { kind: "other", value: "m42" } },
        404,
        "registration_not_found",
        "registrationId",
      ],
      [
        "enterprise-a",
        { registrationId: registration, identifier: { kind: "other", value: "m42" } },
        409,
        "requester_is_holder",
        "registrationId",
      ],
      [
        null,
        { registrationId: registration, identifier: { kind: "other", value: "m42" } },
        401,
        "unauthenticated",
        undefined,
      ],
    ];
    for (const [user, body, status, code, field] of cases) {
      const r = await as(user, "POST", "/source-requests", body);
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json().code).toBe(code);
      if (field) expect(r.json().field).toBe(field);
    }
    const draft = (
      await as("enterprise-b", "POST", "/registrations", {
        name: "草稿",
        originClass: "enterprise",
        grade: "general",
      })
    ).json();
    expect((await submit("citizen", "other", "m42", draft.id)).statusCode).toBe(404);
    expect((await submit("enterprise-b", "other", "m42", draft.id)).json().code).toBe(
      "registration_not_registered",
    );
    expect(await count()).toBe(before);
    // an identifier the exchange cannot check is taken, flagged for the holder
    const other = await submit("citizen", "other", "会员号 A-0042");
    expect(other.json().identifier).toEqual({ kind: "other", masked: "*** *-****", verified: false });
  });
});
