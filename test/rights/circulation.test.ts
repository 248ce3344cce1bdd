import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { rightsHarness, snapshot } from "./helpers.js";

/**
 * Rights contracts ask the circulation rules first (PR-1 → PR-2, PR-4): a grant is authorisation
 * (授权), a transfer a trade (交易). Core data never leaves its node, so no contract over it; what
 * the rule requires for important data is written into the document both parties sign.
 */
describe.each(DIALECTS)("circulation rules in rights contracts on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());
  const { as, registered, holdingRight, participantId } = rightsHarness(() => t);

  const offer = (counterparty: string, kind: "grant" | "transfer") => ({
    kind,
    counterpartyParticipantId: counterparty,
    ...(kind === "grant" ? { rightKind: "processing_use", scope: "analysis" } : {}),
  });

  it("refuses grants and transfers over core data, naming the rule, and changes nothing", async () => {
    const b = await participantId("enterprise-b");
    const core = await holdingRight(
      await registered("enterprise-a", "Core grid topology", { grade: "core" }),
    );
    const before = await snapshot(t);
    for (const kind of ["grant", "transfer"] as const) {
      const refused = await as("enterprise-a", "POST", `/rights/${core.id}/contracts`, offer(b, kind));
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({ code: "circulation_forbidden", field: "kind" });
      expect(refused.json().detail ?? refused.json().message).toMatch(/enterprise data of grade core/);
    }
    expect(await snapshot(t)).toEqual(before);
  });

  it("writes the rule's decision, conditions and version into the signed document", async () => {
    const b = await participantId("enterprise-b");
    const important = await holdingRight(
      await registered("enterprise-a", "Important plant telemetry", { grade: "important" }),
    );
    const proposed = await as("enterprise-a", "POST", `/rights/${important.id}/contracts`, offer(b, "grant"));
    expect(proposed.statusCode, proposed.body).toBe(201);
    const document = proposed.json().document;
    expect(document.circulation).toMatchObject({
      mode: "authorise",
      decision: "allowed_with_review",
      ruleVersion: expect.any(Number),
    });
    expect(document.circulation.protections.length).toBeGreaterThan(0);
    const general = await holdingRight(await registered("enterprise-a", "General trips"));
    const transfer = await as(
      "enterprise-a",
      "POST",
      `/rights/${general.id}/contracts`,
      offer(b, "transfer"),
    );
    expect(transfer.json().document.circulation).toMatchObject({
      mode: "trade",
      decision: "allowed",
    });
  });
});
