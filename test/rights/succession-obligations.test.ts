import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CITIZEN_RESIDENT_ID } from "../../src/flows/demo-seed.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { rightsHarness } from "./helpers.js";

/**
 * Succession moves obligations with the rights (PR-4): a data-source request awaiting the
 * predecessor's answer (PR-5) and quality feedback it has not closed (SG-7) are the successor's
 * to answer, in the same transaction; what was already closed stays as it was.
 */
describe.each(DIALECTS)("succession moves open obligations on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());
  const { as, events, registered, participantId } = rightsHarness(() => t);

  it("PR-4: open copy requests and open feedback follow the resource to the successor", async () => {
    const [a, vendor] = [await participantId("enterprise-a"), await participantId("vendor")];
    const registrationId = await registered("enterprise-a");
    const open = await as("enterprise-b", "POST", "/quality-feedback", {
      registrationId,
      kind: "objection",
      text: "该数据包含我方采集的记录",
    });
    expect(open.statusCode, open.body).toBe(201);
    const closed = (
      await as("enterprise-b", "POST", "/quality-feedback", {
        registrationId,
        kind: "objection",
        text: "重复",
      })
    ).json();
    await as("enterprise-a", "POST", `/quality-feedback/${closed.id}/response`, {
      response: "accept",
      plannedFix: "去重",
    });
    expect((await as("enterprise-b", "POST", `/quality-feedback/${closed.id}/resolve`)).json().status).toBe(
      "resolved",
    );
    const request = await as("citizen", "POST", "/source-requests", {
      registrationId,
      identifier: { kind: "resident_id", value: DEMO_CITIZEN_RESIDENT_ID },
    });
    expect(request.statusCode, request.body).toBe(201);

    const done = await as("operator", "POST", `/participants/${a}/succession`, {
      event: "merger",
      successors: [vendor],
      reason: "merged into the vendor",
    });
    expect(done.statusCode, done.body).toBe(200);

    const feedback = (await as("vendor", "GET", `/quality-feedback/${open.json().id}`)).json();
    expect(feedback.holderParticipantId).toBe(vendor);
    const answered = await as("vendor", "POST", `/quality-feedback/${open.json().id}/response`, {
      response: "dispute",
      reasons: "合并前已取得授权",
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(
      (await as("vendor", "GET", `/source-requests/${request.json().id}`)).json().holderParticipantId,
    ).toBe(vendor);
    const [summary] = (await events("succession.completed")).filter((e) => e.subjectIds.includes(a));
    expect(summary?.payload.moved).toMatchObject({
      sourceRequests: [request.json().id],
      qualityFeedback: [open.json().id],
    });
    // what was closed keeps the holder who answered it
    expect(
      (await as("enterprise-b", "GET", `/quality-feedback/${closed.id}`)).json().holderParticipantId,
    ).toBe(a);
  });
});
