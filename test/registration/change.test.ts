import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS } from "../../src/modules/registration/index.js";
import { yaosu } from "../support/cli.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { complete, harness } from "./helpers.js";

/**
 * Change registration (变更登记, PR-3): a registered resource's holder files a change; it goes
 * through formal review and public notice like any registration; applied, the resource keeps its
 * number and holding right, takes the new content and version, and its certificate is superseded.
 */
describe.each(DIALECTS)("change registrations on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());

  const { as, events, advance } = harness(() => t);

  /** Takes a registration through review and its notice; returns the answer of the close. */
  async function throughNotice(id: string) {
    expect((await as("enterprise-a", "POST", `/registrations/${id}/submit`)).statusCode).toBe(200);
    const passed = await as("operator", "POST", `/registrations/${id}/review`, {
      decision: "pass",
      reason: "ok",
    });
    expect(passed.json().status).toBe("in_notice");
    advance(10 * DAY_MS + 1000);
    return as("operator", "POST", `/registrations/${id}/close-notice`);
  }

  async function registered(): Promise<{ id: string; number: string }> {
    const id = (await as("enterprise-a", "POST", "/registrations", complete)).json().id;
    const closed = await throughNotice(id);
    expect(closed.json().status).toBe("registered");
    return { id, number: closed.json().registrationNumber };
  }

  it("applies a change after its notice: same number and right, new content and version, new certificate", async () => {
    const { id, number } = await registered();
    const firstCert = (await as(null, "GET", `/certificates/${number}`)).json();
    expect(firstCert.payload.version).toBe(1);
    const rightsBefore = (await as(null, "GET", `/rights?resource=${id}`)).json().items;

    const filed = await as("enterprise-a", "POST", `/registrations/${id}/changes`, {
      description: "Trips of the fleet, now with load factors",
      volumeRows: 240_000,
      reason: "the dataset doubled and gained a column",
    });
    expect(filed.statusCode).toBe(201);
    const change = filed.json();
    expect(change).toMatchObject({
      kind: "change",
      status: "draft",
      amendsRegistrationId: id,
      version: 2,
      registrationNumber: null,
      name: complete.name,
      description: "Trips of the fleet, now with load factors",
      volumeRows: 240_000,
      changeReason: "the dataset doubled and gained a column",
    });
    const again = await as("enterprise-a", "POST", `/registrations/${id}/changes`, { reason: "another" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("change_pending");

    const closed = await throughNotice(change.id);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: "applied", registrationNumber: null });

    const resource = (await as(null, "GET", `/registrations/${id}`)).json();
    expect(resource).toMatchObject({
      status: "registered",
      registrationNumber: number,
      version: 2,
      description: "Trips of the fleet, now with load factors",
      volumeRows: 240_000,
    });
    expect((await as(null, "GET", `/rights?resource=${id}`)).json().items).toEqual(rightsBefore);
    const history = (await as(null, "GET", `/registrations/${id}/changes`)).json().items;
    expect(history.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      [change.id, "applied"],
    ]);

    const cert = (await as(null, "GET", `/certificates/${number}`)).json();
    expect(cert).toMatchObject({ status: "valid", payload: { version: 2, registrationNumber: number } });
    expect(cert.jws).not.toBe(firstCert.jws);
    const superseded = (await as(null, "GET", `/certificates/${number}/superseded`)).json().items;
    expect(superseded).toEqual([
      expect.objectContaining({ version: 1, jws: firstCert.jws, status: "superseded" }),
    ]);
    // offline, the old certificate's signature holds but it is no longer the current one
    const dir = await mkdtemp(join(tmpdir(), "yaosu-superseded-"));
    await writeFile(join(dir, "key.json"), (await as(null, "GET", "/certificates/key")).body);
    await writeFile(join(dir, "old.json"), JSON.stringify(superseded[0]));
    await writeFile(join(dir, "new.json"), JSON.stringify(cert));
    const [old, current] = await Promise.all([
      yaosu("verify", "certificate", join(dir, "old.json"), "--key", join(dir, "key.json")),
      yaosu("verify", "certificate", join(dir, "new.json"), "--key", join(dir, "key.json")),
    ]);
    expect(old.code, JSON.stringify(old)).toBe(1);
    expect(old.stdout).toMatch(new RegExp(`^invalid: ${number} was superseded at .+ by a newer certificate`));
    expect(current, JSON.stringify(current)).toMatchObject({ code: 0 });
    expect(current.stdout).toMatch(new RegExp(`^valid: ${number} `));
    await rm(dir, { recursive: true, force: true });
    expect((await events("registration.changed")).filter((e) => e.subjectIds.includes(id))).toHaveLength(1);
    expect(
      (await events("certificates.superseded")).filter((e) => e.subjectIds.includes(number)),
    ).toHaveLength(1);
    expect((await events("registration.registered")).filter((e) => e.subjectIds.includes(change.id))).toEqual(
      [],
    );
  });

  it("an upheld objection rejects the change and leaves the resource as it was", async () => {
    const { id } = await registered();
    const change = (
      await as("enterprise-a", "POST", `/registrations/${id}/changes`, { name: "Renamed", reason: "rebrand" })
    ).json();
    expect((await as("enterprise-a", "POST", `/registrations/${change.id}/submit`)).statusCode).toBe(200);
    await as("operator", "POST", `/registrations/${change.id}/review`, { decision: "pass", reason: "ok" });
    const objection = await as("enterprise-b", "POST", `/registrations/${change.id}/objections`, {
      reasons: "the name is ours",
    });
    expect(objection.statusCode).toBe(201);
    await as("operator", "POST", `/objections/${objection.json().id}/decision`, {
      decision: "upheld",
      reason: "trademark",
    });
    const closed = await as("operator", "POST", `/registrations/${change.id}/close-notice`);
    expect(closed.json().status).toBe("rejected");
    const resource = (await as(null, "GET", `/registrations/${id}`)).json();
    expect(resource).toMatchObject({ name: complete.name, version: 1, status: "registered" });
    // the way is open for a new change
    expect(
      (await as("enterprise-a", "POST", `/registrations/${id}/changes`, { reason: "retry" })).statusCode,
    ).toBe(201);
  });

  it("refuses changes by others, of unregistered resources, and without a reason", async () => {
    const { id } = await registered();
    const byOther = await as("enterprise-b", "POST", `/registrations/${id}/changes`, { reason: "mine now" });
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().code).toBe("not_holder");
    expect((await as(null, "POST", `/registrations/${id}/changes`, { reason: "x" })).statusCode).toBe(401);
    const noReason = await as("enterprise-a", "POST", `/registrations/${id}/changes`, { name: "x" });
    expect(noReason.statusCode).toBe(400);
    const draft = (await as("enterprise-a", "POST", "/registrations", complete)).json();
    const ofDraft = await as("enterprise-a", "POST", `/registrations/${draft.id}/changes`, {
      reason: "early",
    });
    expect(ofDraft.statusCode).toBe(409);
    expect(ofDraft.json().code).toBe("not_registered");
    const inconsistent = await as("enterprise-a", "POST", `/registrations/${id}/changes`, {
      sensitivePersonal: true,
      reason: "flag it",
    });
    expect(inconsistent.statusCode).toBe(400);
    expect(inconsistent.json()).toMatchObject({
      code: "sensitive_requires_personal_class",
      field: "sensitivePersonal",
    });
    expect((await as(null, "GET", `/registrations/${id}/changes`)).json().items).toEqual([]);
  });
});
