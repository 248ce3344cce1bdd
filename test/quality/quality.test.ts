import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { world } from "../source-requests/world.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";

const DAY = 24 * 3600 * 1000;

/** SG-7: quality feedback and objections on registered resources, the holder's response, escalation. */
describe.each(DIALECTS)("SG-7 quality loop on %s", (dialect) => {
  let t: TestApp;
  let registration: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    registration = await w.registered("enterprise-a");
  }, 60_000);
  afterAll(() => t.cleanup());
  const w = world(() => t);
  const { as, events } = w;
  const file = (user: string | null, body: object) =>
    as(user, "POST", "/quality-feedback", { registrationId: registration, ...body });
  const summary = async () =>
    (await as(null, "GET", `/quality-feedback/summary?registration=${registration}`)).json();

  it("SG-7 quality feedback: filed, accepted with a planned fix, resolved by the filer; counts are public", async () => {
    const before = await summary();
    const filed = await file("enterprise-b", {
      kind: "quality",
      dimension: "completeness",
      text: "2025 年 3 月的行程缺失",
      evidence: ["https://example.cn/e/1"],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const fb = filed.json();
    expect(fb).toMatchObject({
      kind: "quality",
      dimension: "completeness",
      status: "open",
      holderParticipantId: (await w.participant("enterprise-a")).id,
      evidence: ["https://example.cn/e/1"],
      overdue: false,
    });
    expect(Date.parse(fb.responseDeadlineAt) - Date.parse(fb.createdAt)).toBe(10 * DAY);
    expect(await summary()).toMatchObject({ open: before.open + 1, total: before.total + 1 });

    expect(
      (
        await as("enterprise-b", "POST", `/quality-feedback/${fb.id}/response`, {
          response: "accept",
          plannedFix: "x",
        })
      ).json().code,
    ).toBe("not_holder");
    const accepted = await as("enterprise-a", "POST", `/quality-feedback/${fb.id}/response`, {
      response: "accept",
      plannedFix: "下月补录 3 月数据",
    });
    expect(accepted.json()).toMatchObject({
      status: "responded",
      response: "accept",
      responseText: "下月补录 3 月数据",
      respondedLate: false,
    });
    expect((await as("enterprise-a", "POST", `/quality-feedback/${fb.id}/resolve`)).json().code).toBe(
      "not_filer",
    );
    const resolved = await as("enterprise-b", "POST", `/quality-feedback/${fb.id}/resolve`);
    expect(resolved.json()).toMatchObject({ status: "resolved", closedAt: expect.any(String) });
    expect(await summary()).toMatchObject({ open: before.open, resolved: before.resolved + 1 });

    const trail = (await w.events("quality.feedback_filed")).concat(
      await events("quality.feedback_responded"),
      await events("quality.feedback_resolved"),
    );
    const mine = trail.filter((e) => e.subjectIds.includes(fb.id));
    expect(mine.map((e) => e.type)).toEqual([
      "quality.feedback_filed",
      "quality.feedback_responded",
      "quality.feedback_resolved",
    ]);
    expect(JSON.stringify(mine)).not.toContain("行程缺失");
    expect(mine[0]?.payload.textSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("SG-7 objection: disputed, escalated, seen and decided by the overseers only", async () => {
    const obj = (await file("vendor", { kind: "objection", text: "数据来源不合法", evidence: [] })).json();
    expect(obj).toMatchObject({ kind: "objection", dimension: null });
    expect((await as("regulator", "GET", `/quality-feedback/${obj.id}`)).statusCode).toBe(404);
    expect((await as("enterprise-b", "GET", `/quality-feedback/${obj.id}`)).statusCode).toBe(404);
    expect((await as("vendor", "POST", `/quality-feedback/${obj.id}/escalate`)).json().code).toBe(
      "awaiting_response",
    );
    await as("enterprise-a", "POST", `/quality-feedback/${obj.id}/response`, {
      response: "dispute",
      reasons: "有采集合同",
    });
    expect(
      (
        await as("operator", "POST", `/quality-feedback/${obj.id}/decision`, {
          decision: "upheld",
          reason: "x",
        })
      ).statusCode,
    ).toBe(404);
    const escalated = await as("vendor", "POST", `/quality-feedback/${obj.id}/escalate`);
    expect(escalated.json()).toMatchObject({ status: "escalated", response: "dispute" });
    const regulatorList = (await as("regulator", "GET", "/quality-feedback?status=escalated")).json().items;
    expect(regulatorList.map((i: { id: string }) => i.id)).toContain(obj.id);
    expect(
      (
        await as("enterprise-a", "POST", `/quality-feedback/${obj.id}/decision`, {
          decision: "dismissed",
          reason: "mine",
        })
      ).statusCode,
    ).toBe(403);
    expect((await as("vendor", "POST", `/quality-feedback/${obj.id}/resolve`)).statusCode).toBe(409);
    const decided = await as("operator", "POST", `/quality-feedback/${obj.id}/decision`, {
      decision: "upheld",
      reason: "合同不覆盖该用途",
    });
    expect(decided.json()).toMatchObject({
      status: "decided",
      decision: "upheld",
      decisionReason: "合同不覆盖该用途",
    });
    expect(
      (
        await as("regulator", "POST", `/quality-feedback/${obj.id}/decision`, {
          decision: "dismissed",
          reason: "again",
        })
      ).statusCode,
    ).toBe(409);
    const ev = (await events("quality.feedback_decided")).find((e) => e.payload.feedbackId === obj.id);
    expect(ev?.payload).toMatchObject({
      decision: "upheld",
      reasonSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("SG-7 deadlines: overdue after the response period, listed for overseers only; the filer may then escalate", async () => {
    const fb = (
      await file("enterprise-b", { kind: "quality", dimension: "timeliness", text: "更新滞后" })
    ).json();
    const late = (await file("citizen", { kind: "quality", dimension: "accuracy", text: "金额有误" })).json();
    for (const user of ["enterprise-a", "enterprise-b", "citizen"])
      expect((await as(user, "GET", "/quality-feedback?overdue=true")).json().code, user).toBe(
        "overseers_only",
      );
    const overdueIds = async (user: string) =>
      (await as(user, "GET", "/quality-feedback?overdue=true&limit=200"))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await overdueIds("regulator")).not.toContain(fb.id);
    const before = await summary();
    w.advance(10 * DAY + 60_000);
    expect(await overdueIds("regulator")).toEqual(expect.arrayContaining([fb.id, late.id]));
    expect(await overdueIds("operator")).toContain(fb.id);
    expect((await summary()).overdue).toBe(before.overdue + 2);
    expect((await as("regulator", "GET", `/quality-feedback/${fb.id}`)).json().overdue).toBe(true);
    const escalated = await as("enterprise-b", "POST", `/quality-feedback/${fb.id}/escalate`);
    expect(escalated.json()).toMatchObject({ status: "escalated", response: null });
    const answered = await as("enterprise-a", "POST", `/quality-feedback/${late.id}/response`, {
      response: "accept",
      plannedFix: "已更正",
    });
    expect(answered.json()).toMatchObject({ status: "responded", respondedLate: true, overdue: false });
    expect(await overdueIds("regulator")).not.toContain(late.id);
  });

  it("SG-7 bad input and the wrong caller are refused with a code and field, writing nothing", async () => {
    const count = async () => (await t.k.db.selectFrom("quality_feedback").select("id").execute()).length;
    const before = await count();
    const cases: [string | null, object, number, string, string | undefined][] = [
      ["enterprise-b", { kind: "quality", text: "x" }, 400, "validation_failed", "dimension"],
      [
        "enterprise-b",
        { kind: "quality", dimension: "beauty", text: "x" },
        400,
        "validation_failed",
        "dimension",
      ],
      [
        "enterprise-b",
        { kind: "objection", dimension: "accuracy", text: "x" },
        400,
        "validation_failed",
        undefined,
      ],
      ["enterprise-b", { kind: "rumour", text: "x" }, 400, "validation_failed", "kind"],
      ["enterprise-b", { kind: "objection", text: "" }, 400, "validation_failed", "text"],
      ["enterprise-b", { kind: "objection", text: "a\u0000" }, 400, "validation_failed", "text"],
      [
        "enterprise-b",
        { kind: "objection", text: "x", evidence: ["a\nb"] },
        400,
        "validation_failed",
        "evidence.0",
      ],
      [
        "enterprise-b",
        { kind: "objection", text: "x", registrationId: "reg_01ARZ3NDEKTSV4RRFFQ69G5FAV" },
        404,
        "registration_not_found",
        "registrationId",
      ],
      ["enterprise-a", { kind: "objection", text: "mine" }, 403, "holder_cannot_file", undefined],
      [null, { kind: "objection", text: "x" }, 401, "unauthenticated", undefined],
    ];
    for (const [user, body, status, code, field] of cases) {
      const r = await file(user, body);
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json().code).toBe(code);
      if (field) expect(r.json().field).toBe(field);
    }
    const draft = (
      await as("enterprise-a", "POST", "/registrations", {
        name: "草稿",
        originClass: "enterprise",
        grade: "general",
      })
    ).json();
    expect(
      (await file("enterprise-b", { kind: "objection", text: "x", registrationId: draft.id })).statusCode,
    ).toBe(404);
    expect(await count()).toBe(before);

    const fb = (await file("enterprise-b", { kind: "objection", text: "x" })).json();
    const bad = await as("enterprise-a", "POST", `/quality-feedback/${fb.id}/response`, {
      response: "accept",
    });
    expect(bad.json()).toMatchObject({ code: "validation_failed", field: "plannedFix" });
    expect(
      (
        await as("enterprise-a", "POST", `/quality-feedback/${fb.id}/response`, {
          response: "maybe",
          reasons: "x",
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await as("vendor", "POST", `/quality-feedback/${fb.id}/response`, {
          response: "dispute",
          reasons: "x",
        })
      ).statusCode,
    ).toBe(404);
    expect((await as("enterprise-b", "GET", "/quality-feedback/qfb_bad")).json().field).toBe("id");
    expect((await as(null, "GET", "/quality-feedback/summary?registration=nope")).json()).toMatchObject({
      code: "validation_failed",
      field: "registration",
    });
    expect((await as("enterprise-a", "GET", `/quality-feedback/${fb.id}`)).json().status).toBe("open");
  });
});
