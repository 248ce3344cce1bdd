import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskResidentId } from "../../src/lib/cn-identifiers/index.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { CITIZEN_EMAIL, CITIZEN_ID, DAY, OTHER_IDS, world } from "./world.js";

/** PR-5: a data source asks a holder for a copy of the data about it; the node matches only its rows. */
describe.each(DIALECTS)("PR-5 data-source copy requests on %s", (dialect) => {
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

  it("PR-5 happy path: the citizen gets a CSV copy of exactly its own rows, sealed for it alone", async () => {
    const startedAt = t.clock.now().getTime();
    const submitted = await submit("citizen", "resident_id", CITIZEN_ID.toLowerCase());
    expect(submitted.statusCode, submitted.body).toBe(201);
    const req = submitted.json();
    expect(req).toMatchObject({
      registrationId: registration,
      holderParticipantId: (await w.participant("enterprise-a")).id,
      requesterParticipantId: (await w.participant("citizen")).id,
      identifier: { kind: "resident_id", masked: maskResidentId(CITIZEN_ID), verified: true },
      status: "submitted",
      overdue: false,
      copy: null,
    });
    expect(Date.parse(req.deadlineAt) - startedAt).toBe(15 * DAY);

    // the identifier is sealed while the request is open, and nowhere in clear
    const stored = await t.k.db
      .selectFrom("source_requests")
      .selectAll()
      .where("id", "=", req.id)
      .executeTakeFirstOrThrow();
    expect(stored.identifier_sealed).toMatch(/^v1\./);
    expect(stored.identifier_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await w.everyTable()).not.toContain(CITIZEN_ID);

    // the holder sees it addressed to it; the requester its own; another participant nothing
    expect(
      (await as("enterprise-a", "GET", "/source-requests")).json().items.map((r: { id: string }) => r.id),
    ).toContain(req.id);
    expect((await as("citizen", "GET", `/source-requests/${req.id}`)).statusCode).toBe(200);
    expect((await as("enterprise-b", "GET", `/source-requests/${req.id}`)).statusCode).toBe(404);
    expect((await as("enterprise-b", "GET", "/source-requests")).json().items).toEqual([]);

    const fulfilled = await as("enterprise-a", "POST", `/source-requests/${req.id}/fulfil`, {
      column: "resident_id",
    });
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    expect(fulfilled.json()).toMatchObject({
      status: "fulfilled",
      answeredLate: false,
      copy: { format: "csv", rows: 2 },
    });

    const copy = await as("citizen", "GET", `/source-requests/${req.id}/copy`);
    expect(copy.statusCode).toBe(200);
    expect(copy.headers["content-type"]).toMatch(/^text\/csv/);
    expect(copy.headers["cache-control"]).toBe("no-store");
    const lines = copy.body.trim().split("\r\n");
    expect(lines[0]).toBe("resident_id,name,email,amount");
    expect(lines.slice(1)).toHaveLength(2);
    for (const line of lines.slice(1)) expect(line.startsWith(`${CITIZEN_ID},张三,`)).toBe(true);
    for (const other of [...OTHER_IDS, "李四", "王五", "lisi@"]) expect(copy.body).not.toContain(other);

    // the copy is the requester's alone
    expect((await as("enterprise-a", "GET", `/source-requests/${req.id}/copy`)).json().code).toBe(
      "copy_for_requester_only",
    );
    expect((await as("regulator", "GET", `/source-requests/${req.id}/copy`)).statusCode).toBe(403);
    expect((await as("enterprise-b", "GET", `/source-requests/${req.id}/copy`)).statusCode).toBe(404);
    expect((await as(null, "GET", `/source-requests/${req.id}/copy`)).statusCode).toBe(401);

    // closing wiped the sealed identifier; the copy is sealed; still nothing in clear anywhere
    const after = await t.k.db
      .selectFrom("source_requests")
      .selectAll()
      .where("id", "=", req.id)
      .executeTakeFirstOrThrow();
    expect(after.identifier_sealed).toBeNull();
    expect(after.copy_sealed).toMatch(/^v1\./);
    expect(await w.everyTable()).not.toContain(CITIZEN_ID);

    const evidenced = [
      ...(await events("source_request.submitted")),
      ...(await events("source_request.fulfilled")),
    ];
    expect(evidenced.filter((e) => e.subjectIds.includes(req.id))).toHaveLength(2);
    const fulfilledEvent = evidenced.find(
      (e) => e.type === "source_request.fulfilled" && e.payload.requestId === req.id,
    );
    expect(fulfilledEvent?.payload).toMatchObject({
      rows: 2,
      format: "csv",
      copySha256: fulfilled.json().copy.sha256,
    });
    expect(evidenced[0]?.payload.identifierHash).toBe(stored.identifier_hash);
  });

  it("PR-5 JSON copies, e-mail identifiers, organisations, and zero matches as a valid answer", async () => {
    const byMail = (await submit("citizen", "email", CITIZEN_EMAIL.toUpperCase())).json();
    expect(byMail.identifier).toEqual({ kind: "email", masked: "z***@mail.example", verified: true });
    const done = await as("enterprise-a", "POST", `/source-requests/${byMail.id}/fulfil`, {
      column: "email",
      format: "json",
    });
    expect(done.json().copy).toMatchObject({ format: "json", rows: 1 });
    const copy = await as("citizen", "GET", `/source-requests/${byMail.id}/copy`);
    expect(copy.headers["content-type"]).toMatch(/^application\/json/);
    expect(copy.json()).toEqual([
      { resident_id: expect.any(String), name: "张三", email: CITIZEN_EMAIL, amount: 10.5 },
    ]);
    expect(String(copy.json()[0].resident_id)).toBe(CITIZEN_ID);

    const b = await w.participant("enterprise-b");
    const org = await submit("enterprise-b", "uscc", b.uscc);
    expect(org.statusCode, org.body).toBe(201);
    const none = await as("enterprise-a", "POST", `/source-requests/${org.json().id}/fulfil`, {
      column: "resident_id",
    });
    expect(none.json()).toMatchObject({ status: "fulfilled", copy: { rows: 0 } });
    expect((await as("enterprise-b", "GET", `/source-requests/${org.json().id}/copy`)).body).toBe(
      "resident_id,name,email,amount\r\n",
    );
    const events = await w.events("source_request.submitted");
    expect(JSON.stringify(events)).not.toContain(CITIZEN_EMAIL);
    expect(JSON.stringify(events)).not.toContain(b.uscc);
  });

  it("PR-5 overdue requests are listed for the regulator and the operator only, after the deadline", async () => {
    const open = (await submit("citizen", "resident_id", CITIZEN_ID)).json();
    for (const user of ["citizen", "enterprise-a", "enterprise-b"]) {
      const r = await as(user, "GET", "/source-requests?overdue=true");
      expect(r.statusCode, user).toBe(403);
      expect(r.json().code).toBe("overseers_only");
    }
    const overdueIds = async (user: string) =>
      (await as(user, "GET", "/source-requests?overdue=true&limit=200"))
        .json()
        .items.map((r: { id: string }) => r.id);
    expect(await overdueIds("regulator")).not.toContain(open.id);
    w.advance(15 * DAY - 60_000);
    expect(await overdueIds("regulator")).not.toContain(open.id);
    w.advance(2 * 60_000);
    expect(await overdueIds("regulator")).toContain(open.id);
    expect(await overdueIds("operator")).toContain(open.id);
    expect((await as("enterprise-a", "GET", `/source-requests/${open.id}`)).json().overdue).toBe(true);
    // a late answer is still an answer, marked late, and leaves the list
    const late = await as("enterprise-a", "POST", `/source-requests/${open.id}/fulfil`, {
      column: "resident_id",
    });
    expect(late.json()).toMatchObject({ status: "fulfilled", answeredLate: true, overdue: false });
    expect(await overdueIds("regulator")).not.toContain(open.id);
  });

  it("PR-5 / SG-7 routes are in the OpenAPI document with who may call them", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/openapi.json" })).json();
    for (const path of [
      "/api/v1/source-requests",
      "/api/v1/source-requests/{id}/fulfil",
      "/api/v1/source-requests/{id}/copy",
      "/api/v1/quality-feedback",
      "/api/v1/quality-feedback/{id}/response",
      "/api/v1/quality-feedback/summary",
    ])
      expect(doc.paths[path], path).toBeDefined();
    expect(doc.paths["/api/v1/quality-feedback/{id}/decision"].post.description).toMatch(/Who may call/);
  });
});
