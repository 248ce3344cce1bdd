import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeDueNotices,
  DAY_MS,
  REGISTRATION_NUMBER_PATTERN,
} from "../../src/modules/registration/index.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { complete, harness } from "./helpers.js";

/**
 * Registration (PR-3, PD-3) and the holding right (PR-2): draft → submitted → formal review →
 * public notice → registered | rejected, objections during notice, explicit idempotent closing.
 */
describe.each(DIALECTS)("registration on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());

  const { as, me, events, advance } = harness(() => t);

  /** A registration of enterprise-a, in public notice. */
  async function inNotice(): Promise<string> {
    const created = await as("enterprise-a", "POST", "/registrations", complete);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await as("enterprise-a", "POST", `/registrations/${id}/submit`)).statusCode).toBe(200);
    const passed = await as("operator", "POST", `/registrations/${id}/review`, {
      decision: "pass",
      reason: "complete",
    });
    expect(passed.statusCode).toBe(200);
    expect(passed.json().status).toBe("in_notice");
    return id;
  }

  it("registers after the notice period: unique number, holding right, evidenced events", async () => {
    const holder = await me("enterprise-a");
    const operator = await me("operator");
    const draft = await as("enterprise-a", "POST", "/registrations", {
      name: "Draft",
      originClass: "enterprise",
      grade: "general",
    });
    expect(draft.json().status).toBe("draft");
    const incomplete = await as("enterprise-a", "POST", `/registrations/${draft.json().id}/submit`);
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json()).toMatchObject({ code: "registration_incomplete", field: "description" });
    const edited = await as("enterprise-a", "PATCH", `/registrations/${draft.json().id}`, {
      ...complete,
      name: "Edited",
    });
    expect(edited.json()).toMatchObject({ name: "Edited", industry: "G", status: "draft" });

    const ids = [await inNotice(), await inNotice()];
    const notice = (await as(null, "GET", "/registrations?status=in_notice")).json().items;
    expect(notice.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(ids));
    expect(notice[0].contact).toBeUndefined();
    expect((await as("enterprise-a", "GET", `/registrations/${ids[0]}`)).json().contact).toEqual(
      complete.contact,
    );

    const early = await as("operator", "POST", `/registrations/${ids[0]}/close-notice`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("notice_period_running");

    advance(10 * DAY_MS + 1000);
    const closed = await as("operator", "POST", `/registrations/${ids[0]}/close-notice`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe("registered");
    const number = closed.json().registrationNumber;
    expect(number).toMatch(REGISTRATION_NUMBER_PATTERN);
    expect(number).toMatch(new RegExp(`^YS-REG-${t.clock.now().getUTCFullYear()}-\\d{6}$`));
    const again = await as("operator", "POST", `/registrations/${ids[0]}/close-notice`);
    expect(again.json().registrationNumber).toBe(number);

    const scheduled = await closeDueNotices(t.k);
    expect(scheduled.closed).toContain(ids[1]);
    const second = (await as(null, "GET", `/registrations/${ids[1]}`)).json();
    expect(second.status).toBe("registered");
    expect(second.registrationNumber).not.toBe(number);

    const rights = (await as(null, "GET", `/rights?resource=${ids[0]}`)).json().items;
    expect(rights).toHaveLength(1);
    expect(rights[0]).toMatchObject({ kind: "holding", basis: "original", status: "active" });
    expect(rights[0].holderParticipantId).toBe(holder.participant.id);
    const own = await as("enterprise-a", "GET", `/participants/${holder.participant.id}/rights`);
    expect(own.json().items.length).toBeGreaterThanOrEqual(2);
    expect(
      (await as("enterprise-b", "GET", `/participants/${holder.participant.id}/rights`)).statusCode,
    ).toBe(403);

    const registered = (await events("registration.registered")).find((e) => e.subjectIds[0] === ids[0]);
    expect(registered?.actor).toMatchObject({
      participantId: operator.participant.id,
      userId: operator.user.id,
    });
    expect(registered?.payload).toMatchObject({ registrationNumber: number });
    for (const type of [
      "registration.submitted",
      "registration.review_passed",
      "registration.notice_started",
    ]) {
      const event = (await events(type)).find((e) => e.subjectIds[0] === ids[0]);
      expect(event?.actor, type).toBeTruthy();
    }
    expect((await events("rights.created")).some((e) => e.subjectIds.includes(ids[0] as string))).toBe(true);

    const cancelled = await as("enterprise-a", "POST", `/registrations/${ids[0]}/cancel`, {
      reason: "no longer held",
    });
    expect(cancelled.json().status).toBe("cancelled");
    expect((await as(null, "GET", `/rights?resource=${ids[0]}`)).json().items[0].status).toBe("revoked");
  });

  it("rejects on an upheld objection; the holder cannot object", async () => {
    const id = await inNotice();
    const own = await as("enterprise-a", "POST", `/registrations/${id}/objections`, { reasons: "mine" });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe("holder_cannot_object");
    const filed = await as("enterprise-b", "POST", `/registrations/${id}/objections`, {
      reasons: "This data was collected under our contract",
      evidence: ["https://example.org/contract.pdf"],
    });
    expect(filed.statusCode).toBe(201);
    const seen = (await as("enterprise-a", "GET", `/registrations/${id}/objections`)).json().items;
    expect(seen).toHaveLength(1);
    expect((await as("vendor", "GET", `/registrations/${id}/objections`)).json().items).toHaveLength(0);
    const refused = await as("enterprise-b", "POST", `/objections/${filed.json().id}/decision`, {
      decision: "upheld",
      reason: "x",
    });
    expect(refused.statusCode).toBe(403);
    const decided = await as("operator", "POST", `/objections/${filed.json().id}/decision`, {
      decision: "upheld",
      reason: "contract shows enterprise-b holds the data",
    });
    expect(decided.json().status).toBe("upheld");
    const closed = await as("operator", "POST", `/registrations/${id}/close-notice`);
    expect(closed.json()).toMatchObject({ status: "rejected", registrationNumber: null });
    expect((await as(null, "GET", `/rights?resource=${id}`)).statusCode).toBe(404);
    expect((await events("registration.objection_decided")).length).toBeGreaterThan(0);
  });
});
