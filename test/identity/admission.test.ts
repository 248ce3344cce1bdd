import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { enterpriseApplication, freshResidentId } from "./applications.js";

/** SG-12 admission and exit, through the HTTP API, on SQLite and PostgreSQL. */
describe.each(DIALECTS)("admission and exit on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());

  const apply = (payload: unknown) =>
    t.app.inject({ method: "POST", url: "/api/v1/participants", payload: payload as object });
  const login = (username: string, password: string) =>
    t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
  const asOperator = async (method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { authorization: await t.bearer("operator") } });
  const count = async (table: string) =>
    Number(
      (
        await t.k.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("takes an application, keeps it pending, and lets the operator admit it", async () => {
    const application = enterpriseApplication();
    const applied = await apply(application);
    expect(applied.statusCode).toBe(201);
    const participant = applied.json();
    expect(participant).toMatchObject({
      status: "pending",
      type: "enterprise",
      uscc: application.uscc,
      admittedAt: null,
    });
    expect(participant.publicKeyJwk).toMatchObject({ kty: "OKP", crv: "Ed25519" });

    const early = await login(application.admin.username, application.admin.password);
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe("participant_not_active");

    const queue = await asOperator("GET", "/api/v1/admissions?status=pending");
    expect(queue.json().items.map((p: { id: string }) => p.id)).toContain(participant.id);

    const admitted = await asOperator("POST", `/api/v1/admissions/${participant.id}/admit`, {});
    expect(admitted.statusCode).toBe(200);
    expect(admitted.json()).toMatchObject({ status: "admitted" });
    expect(admitted.json().admittedAt).toEqual(expect.any(String));

    const later = await login(application.admin.username, application.admin.password);
    expect(later.statusCode).toBe(200);
    expect(later.json().participant.id).toBe(participant.id);
    expect(later.json().user.roles).toEqual(["admin"]);

    const again = await asOperator("POST", `/api/v1/admissions/${participant.id}/admit`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "invalid_state" });
  });

  it("refuses a bad USCC with 400 invalid_uscc naming the field, and writes nothing", async () => {
    const before = await count("participants");
    const response = await apply(enterpriseApplication({ uscc: "91350100M000100Y42" }));
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ code: "invalid_uscc", field: "uscc", status: 400 });
    expect(await count("participants")).toBe(before);
  });

  it("refuses a duplicate USCC or username with 409 and leaves no half-created participant", async () => {
    const first = enterpriseApplication();
    expect((await apply(first)).statusCode).toBe(201);
    const sameUscc = await apply(enterpriseApplication({ uscc: first.uscc }));
    expect(sameUscc.statusCode).toBe(409);
    expect(sameUscc.json()).toMatchObject({ code: "uscc_taken", field: "uscc" });

    const participants = await count("participants");
    const events = await count("outbox_events");
    const sameUser = await apply(
      enterpriseApplication({ admin: { username: first.admin.username, password: "another long password" } }),
    );
    expect(sameUser.statusCode).toBe(409);
    expect(sameUser.json()).toMatchObject({ code: "username_taken" });
    expect(await count("participants")).toBe(participants);
    expect(await count("outbox_events")).toBe(events);
  });

  it("stores an individual's resident ID only as a keyed hash and a mask, never in clear", async () => {
    const residentId = freshResidentId();
    const response = await apply({
      type: "individual",
      name: "李四",
      residentId,
      contactEmail: "lisi@example.cn",
      admin: { username: `lisi-${Date.now()}`, password: "a long enough password" },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().residentIdMasked).toBe(`${residentId.slice(0, 6)}********${residentId.slice(-4)}`);
    const row = await t.k.db
      .selectFrom("participants")
      .selectAll()
      .where("id", "=", response.json().id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(residentId);
    expect(row.resident_id_hash).toMatch(/^[0-9a-f]{64}$/);
    const events = await t.k.db.selectFrom("outbox_events").select(["payload", "subject_ids"]).execute();
    expect(JSON.stringify(events)).not.toContain(residentId);
    expect(JSON.stringify(events)).not.toContain("李四");

    const duplicate = await apply({
      type: "individual",
      name: "李四",
      residentId: residentId.toLowerCase(),
      contactEmail: "lisi2@example.cn",
      admin: { username: `lisi2-${Date.now()}`, password: "a long enough password" },
    });
    expect(duplicate.json()).toMatchObject({ code: "resident_id_taken", field: "residentId" });
  });

  it("rejects with a required reason, and a rejected applicant cannot log in", async () => {
    const application = enterpriseApplication();
    const { id } = (await apply(application)).json();
    const noReason = await asOperator("POST", `/api/v1/admissions/${id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: "validation_failed", field: "reason" });
    const rejected = await asOperator("POST", `/api/v1/admissions/${id}/reject`, {
      reason: "营业执照与申请信息不符",
    });
    expect(rejected.json()).toMatchObject({ status: "rejected", statusReason: "营业执照与申请信息不符" });
    expect((await login(application.admin.username, application.admin.password)).json().code).toBe(
      "participant_not_active",
    );
    expect(
      (await asOperator("GET", "/api/v1/admissions?status=rejected"))
        .json()
        .items.map((p: { id: string }) => p.id),
    ).toContain(id);
  });

  it("a suspended participant cannot act, even with a token it already holds; reinstatement restores it", async () => {
    const application = enterpriseApplication();
    const { id } = (await apply(application)).json();
    await asOperator("POST", `/api/v1/admissions/${id}/admit`, {});
    const token = `Bearer ${(await login(application.admin.username, application.admin.password)).json().accessToken}`;
    const me = () =>
      t.app.inject({ method: "GET", url: "/api/v1/participants/me", headers: { authorization: token } });
    expect((await me()).statusCode).toBe(200);

    const suspended = await asOperator("POST", `/api/v1/participants/${id}/suspend`, {
      reason: "涉嫌违规交易，暂停待查",
    });
    expect(suspended.json()).toMatchObject({ status: "suspended" });
    expect((await me()).statusCode).toBeGreaterThanOrEqual(401);
    expect((await login(application.admin.username, application.admin.password)).statusCode).toBe(403);

    expect(
      (await asOperator("POST", `/api/v1/participants/${id}/reinstate`, { reason: "核查完毕" })).json()
        .status,
    ).toBe("admitted");
    expect((await login(application.admin.username, application.admin.password)).statusCode).toBe(200);
  });

  it("lets a participant's own admin record its exit, after which it cannot log in", async () => {
    const application = enterpriseApplication();
    const { id } = (await apply(application)).json();
    await asOperator("POST", `/api/v1/admissions/${id}/admit`, {});
    const token = `Bearer ${(await login(application.admin.username, application.admin.password)).json().accessToken}`;
    const exit = await t.app.inject({
      method: "POST",
      url: `/api/v1/participants/${id}/exit`,
      headers: { authorization: token },
      payload: { reason: "业务调整，退出市场" },
    });
    expect(exit.statusCode).toBe(200);
    expect(exit.json()).toMatchObject({ status: "exited", statusReason: "业务调整，退出市场" });
    expect((await login(application.admin.username, application.admin.password)).statusCode).toBe(403);
    const readmit = await asOperator("POST", `/api/v1/admissions/${id}/admit`, {});
    expect(readmit.json().code).toBe("invalid_state");
  });

  it("records every admission decision as an event in the outbox with actor and reason", async () => {
    const { id } = (await apply(enterpriseApplication())).json();
    await asOperator("POST", `/api/v1/admissions/${id}/reject`, { reason: "材料不全" });
    const events = await t.k.outbox.readAfter(t.k.db, 0, 10_000);
    const mine = events.filter((e) => e.subjectIds.includes(id));
    expect(mine.map((e) => e.type)).toEqual([
      "identity.admission_applied",
      "identity.user_created",
      "identity.participant_rejected",
    ]);
    expect(mine[2]?.payload).toMatchObject({ from: "pending", to: "rejected", reason: "材料不全" });
    expect(mine[2]?.actor?.participantId).toMatch(/^ptc_/);
  });
});
