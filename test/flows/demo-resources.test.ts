import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_RESOURCES } from "../../src/flows/demo-resources.data.js";
import { seedDemoResources } from "../../src/flows/demo-resources.js";
import { DEMO_CITIZEN_RESIDENT_ID } from "../../src/flows/demo-seed.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";

/**
 * The demo catalog a newcomer meets on `npm start` (PR-3): resources that went the whole way —
 * review, notice, registration — so the public registry, certificates and objections can be tried.
 */
describe.each(DIALECTS)("demo resources on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());

  it("registers the demo resources the real way, once", async () => {
    const first = await seedDemoResources(t.k);
    expect(first.created).toEqual(DEMO_RESOURCES.map((r) => r.draft.name));
    expect((await seedDemoResources(t.k)).created).toEqual([]);

    const registry = await t.app.inject({ method: "GET", url: "/api/v1/registrations?limit=100" });
    expect(registry.statusCode).toBe(200);
    const items: { name: string; status: string; registrationNumber?: string }[] = registry.json().items;
    for (const resource of DEMO_RESOURCES) {
      const found = items.filter((i) => i.name === resource.draft.name);
      expect(found, resource.draft.name).toHaveLength(1);
      expect(found[0]?.status).toBe(resource.stage);
    }
    const registered = items.find((i) => i.status === "registered");
    const cert = await t.app.inject({
      method: "GET",
      url: `/api/v1/certificates/${registered?.registrationNumber}`,
    });
    expect(cert.statusCode).toBe(200);
    expect(cert.json().status).toBe("valid");
  });

  it("lets the demo citizen obtain a copy of exactly its own rows from enterprise-a's node (PR-5)", async () => {
    const members = (await t.app.inject({ method: "GET", url: "/api/v1/registrations?limit=100" }))
      .json()
      .items.find((i: { name: string }) => i.name === "会员消费记录（演示）");
    expect(members?.datasetId).toMatch(/^dst_/);
    const as = async (user: string, method: "GET" | "POST", url: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        payload,
        headers: { authorization: await t.bearer(user) },
      });
    const asked = await as("citizen", "POST", "/source-requests", {
      registrationId: members.id,
      identifier: { kind: "resident_id", value: DEMO_CITIZEN_RESIDENT_ID },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const fulfilled = await as("enterprise-a", "POST", `/source-requests/${asked.json().id}/fulfil`, {
      column: "resident_id",
      format: "csv",
    });
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    const copy = await as("citizen", "GET", `/source-requests/${asked.json().id}/copy`);
    expect(copy.statusCode).toBe(200);
    const lines = copy.body.trim().split("\n");
    expect(lines).toHaveLength(3); // header + the citizen's two rows
    expect(lines.slice(1).every((l) => l.includes(DEMO_CITIZEN_RESIDENT_ID))).toBe(true);
  });
});
