import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_RESOURCES } from "../../src/flows/demo-resources.data.js";
import { seedDemoResources } from "../../src/flows/demo-resources.js";
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
});
