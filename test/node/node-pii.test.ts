import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBody } from "../../src/modules/registration/registration.schema.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { type Person, people, toCsv, upload } from "./helpers.js";

/**
 * Profiling and scanning through the node's API with real identifiers (PR-1 classification
 * proposal, PR-8 / SG-11 masked samples, PD-3 registration draft): validity is the detectors'
 * structural checks (GB 11643, mobile segments …), no raw personal value appears in any answer,
 * and the draft is a registration body the exchange accepts.
 */
const ROWS = 40;
const BAD_IDS = 4;

/** The last BAD_IDS resident IDs get a wrong check character: valid in shape, invalid by GB 11643. */
function withBadIds(rows: Person[]): Person[] {
  return rows.map((r, i) => {
    if (i < rows.length - BAD_IDS) return r;
    const last = r.resident_id.slice(-1);
    return { ...r, resident_id: r.resident_id.slice(0, 17) + (last === "1" ? "2" : "1") };
  });
}

describe.each(DIALECTS)("node profile, scan and registration draft on %s", (dialect) => {
  let t: TestApp;
  let holder: string;
  let rows: Person[];
  let id: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    holder = await t.bearer("enterprise-a");
    rows = withBadIds(people(ROWS));
    const created = await upload(t.app, holder, toCsv(rows), { query: "filename=customers.csv" });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
  }, 30_000);
  afterAll(() => t.cleanup());

  const get = async (url: string, who = holder) => {
    const answer = await t.app.inject({ method: "GET", url, headers: { authorization: who } });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer;
  };
  /** Every personal value of the dataset, as written. */
  const rawValues = () => rows.flatMap((r) => [r.name, r.resident_id, String(r.mobile), r.address]);
  const expectNoRawValues = (body: string, what: string) => {
    for (const value of rawValues()) expect(body.includes(value), `${what} holds ${value}`).toBe(false);
  };

  it("PR-1: validity per column is the detector's check (GB 11643 check character, mobile segments)", async () => {
    const profile = (await get(`/api/v1/node/datasets/${id}/profile?sample=20`)).json();
    const col = (name: string) => profile.columnProfiles.find((c: { name: string }) => c.name === name);
    expect(col("resident_id")).toMatchObject({ label: "resident_id", personal: true, sensitive: true });
    expect(col("resident_id").validity).toBeCloseTo((ROWS - BAD_IDS) / ROWS, 5);
    expect(col("mobile")).toMatchObject({ label: "mobile", personal: true, validity: 1 });
    expect(col("name")).toMatchObject({ label: "person_name", personal: true });
    expect(col("address")).toMatchObject({ label: "address", personal: true });
    expect(col("city")).toMatchObject({ label: "none", personal: false, validity: 1 });
    expect(profile.quality.validity).toBeLessThan(1);
  });

  it("PR-8, SG-11: the masked sample and bounds hold no raw personal value, each masked by its detector", async () => {
    const answer = await get(`/api/v1/node/datasets/${id}/profile?sample=40`);
    expectNoRawValues(answer.body, "profile");
    const profile = answer.json();
    expect(profile.sample).toHaveLength(ROWS);
    for (const row of profile.sample) {
      expect(row.resident_id).toMatch(/^\d{6}\*+[\dX*]{0,4}$/);
      expect(row.mobile).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(row.name).toMatch(/^\p{Script=Han}{1,2}\*+$/u); // the surname (申屠 has two) and stars
      expect(row.address).toMatch(/\*{4}$/);
    }
    // a mobile column typed BIGINT still has its min/max masked
    const mobile = profile.columnProfiles.find((c: { name: string }) => c.name === "mobile");
    expect(mobile.type).toBe("BIGINT");
    expect(mobile.min).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it("PR-1: the scan labels each column with confidence, match rate and flags, and proposes personal", async () => {
    const answer = await get(`/api/v1/node/datasets/${id}/scan?sample=1000`);
    expectNoRawValues(answer.body, "scan");
    const scan = answer.json();
    expect(scan).toMatchObject({ datasetId: id, rows: ROWS, sampledRows: ROWS });
    const finding = scan.columns.find((c: { name: string }) => c.name === "resident_id");
    expect(finding).toMatchObject({ label: "resident_id", personal: true, sensitive: true });
    expect(finding.matchRate).toBeCloseTo((ROWS - BAD_IDS) / ROWS, 2);
    expect(finding.confidence).toBeGreaterThan(0.8);
    expect(scan.proposal).toMatchObject({
      personalInformation: true,
      sensitivePersonalInformation: true,
      suggestedOriginClass: "personal",
    });
  });

  it("PD-3: the registration draft is pre-filled from profile and scan, and the exchange accepts it", async () => {
    const answer = await get(`/api/v1/node/datasets/${id}/registration-draft`);
    expectNoRawValues(answer.body, "draft");
    const draft = answer.json();
    expect(createBody.safeParse(draft).success).toBe(true);
    const dates = rows.map((r) => r.signed_on).sort();
    expect(draft).toMatchObject({
      name: "customers.csv",
      originClass: "personal",
      grade: "general",
      sensitivePersonal: true,
      datasetId: id,
      volumeRows: ROWS,
      volumeBytes: Buffer.byteLength(toCsv(rows)),
      format: "csv",
      timeFrom: dates[0],
      timeTo: dates[dates.length - 1],
    });
    expect(draft.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(rows[0] as Person));
    const field = (name: string) => draft.fields.find((f: { name: string }) => f.name === name);
    expect(field("resident_id")).toMatchObject({ sensitive: true, type: "VARCHAR" });
    expect(field("resident_id").description).toMatch(/resident_id \(sensitive personal information\)/);
    expect(field("city").sensitive).toBe(false);
    expect(draft.quality.completeness).toBe(1);

    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/registrations",
      headers: { authorization: holder },
      payload: draft,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: "draft", datasetId: id, originClass: "personal" });
  });

  it("PR-1: without personal data the draft proposes the holder's class: public for a government body", async () => {
    const bureau = await t.bearer("bureau");
    const csv = "station,measured_on,pm25\nA01,2025-01-01,35\nA02,2025-02-01,40\nA03,2025-03-01,28\n";
    const created = await upload(t.app, bureau, csv, { query: "filename=air.csv" });
    expect(created.statusCode, created.body).toBe(201);
    const draft = (await get(`/api/v1/node/datasets/${created.json().id}/registration-draft`, bureau)).json();
    expect(draft).toMatchObject({
      originClass: "public",
      sensitivePersonal: false,
      timeFrom: "2025-01-01",
      timeTo: "2025-03-01",
    });
    const enterprise = await upload(t.app, holder, csv, { query: "filename=air.csv" });
    const own = (await get(`/api/v1/node/datasets/${enterprise.json().id}/registration-draft`)).json();
    expect(own.originClass).toBe("enterprise");
  });
});
