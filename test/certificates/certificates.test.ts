import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compactVerify, importJWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS } from "../../src/modules/registration/index.js";
import { complete, harness } from "../registration/helpers.js";
import { yaosu } from "../support/cli.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";

/**
 * Registration certificates (PR-3): a registered resource's certificate is a compact JWS signed
 * by the exchange, served publicly, idempotently, and checked offline by the BUILT CLI
 * (`node bin/yaosu.js verify certificate`; needs `npm run build:server` first).
 */
const _ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Replaces the JWS payload with `change` applied, keeping the original signature. */
function tamper(jws: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = jws.split(".") as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
}

describe.each(DIALECTS)("registration certificates on %s", (dialect) => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    dir = await mkdtemp(join(tmpdir(), "yaosu-cert-"));
  });
  afterAll(async () => {
    await t.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  const { as, me, events, advance } = harness(() => t);

  /** A registration of enterprise-a taken to public notice; returns its id. */
  async function inNotice(): Promise<string> {
    const created = await as("enterprise-a", "POST", "/registrations", complete);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await as("enterprise-a", "POST", `/registrations/${id}/submit`)).statusCode).toBe(200);
    const passed = await as("operator", "POST", `/registrations/${id}/review`, {
      decision: "pass",
      reason: "complete",
    });
    expect(passed.json().status).toBe("in_notice");
    return id;
  }

  it("issues a signed certificate for a registered resource, the same one every time", async () => {
    const holder = (await me("enterprise-a")).participant;
    const id = await inNotice();
    advance(10 * DAY_MS + 1000);
    const closed = await as("operator", "POST", `/registrations/${id}/close-notice`);
    expect(closed.json().status).toBe("registered");
    const number: string = closed.json().registrationNumber;

    const keyResponse = await as(null, "GET", "/certificates/key");
    expect(keyResponse.statusCode).toBe(200);
    const { jwk, kid } = keyResponse.json();
    expect(jwk).toMatchObject({ kty: "OKP", crv: "Ed25519", kid });
    expect(jwk.d).toBeUndefined();

    const first = await as(null, "GET", `/certificates/${number}`);
    expect(first.statusCode).toBe(200);
    const cert = first.json();
    expect(cert.number).toBe(number);
    const verified = await compactVerify(cert.jws, await importJWK(jwk, "EdDSA"), {
      algorithms: ["EdDSA"],
    });
    expect(verified.protectedHeader).toEqual({
      alg: "EdDSA",
      kid,
      typ: "yaosu-registration-certificate+jwt",
    });
    const payload = JSON.parse(new TextDecoder().decode(verified.payload));
    expect(payload).toEqual(cert.payload);
    expect(payload).toMatchObject({
      iss: t.config.logOrigin,
      sub: number,
      registrationId: id,
      resourceName: complete.name,
      holderParticipantId: holder.id,
      holderName: holder.name,
      originClass: "enterprise",
      grade: "general",
      registeredAt: closed.json().decidedAt ?? expect.any(String),
    });
    expect(payload.iat).toBe(Math.floor(Date.parse(payload.registeredAt) / 1000));
    expect(JSON.stringify(payload)).not.toContain(complete.contact.email);

    advance(1000);
    const second = await as(null, "GET", `/certificates/${number}`);
    expect(second.json()).toEqual(cert);
    const raw = await as(null, "GET", `/certificates/${number}.jws`);
    expect(raw.statusCode).toBe(200);
    expect(raw.headers["content-type"]).toMatch(/^text\/plain/);
    expect(raw.body).toBe(cert.jws);
    expect((await as(null, "GET", `/certificates/${number}/raw`)).body).toBe(cert.jws);
    const issued = (await events("certificates.issued")).filter((e) => e.subjectIds.includes(number));
    expect(issued).toHaveLength(1);

    await expect(
      compactVerify(
        tamper(cert.jws, (p) => {
          p.resourceName = "Something else";
        }),
        await importJWK(jwk, "EdDSA"),
      ),
    ).rejects.toThrow();

    // The built CLI, offline: the raw JWS, the GET's JSON, and a tampered copy.
    const keyFile = join(dir, `key-${dialect}.json`);
    const jwsFile = join(dir, `cert-${dialect}.jws`);
    const jsonFile = join(dir, `cert-${dialect}.json`);
    const badFile = join(dir, `bad-${dialect}.jws`);
    await writeFile(keyFile, keyResponse.body);
    await writeFile(jwsFile, raw.body);
    await writeFile(jsonFile, first.body);
    await writeFile(
      badFile,
      tamper(cert.jws, (p) => {
        p.holderParticipantId = "someone-else";
      }),
    );
    const [valid, validJson, bad] = await Promise.all([
      yaosu("verify", "certificate", jwsFile, "--key", keyFile),
      yaosu("verify", "certificate", jsonFile, "--key", keyFile),
      yaosu("verify", "certificate", badFile, "--key", keyFile),
    ]);
    const expected = `valid: ${number} ${complete.name} holder ${holder.id}\n`;
    expect(valid, JSON.stringify(valid)).toMatchObject({ code: 0, stdout: expected });
    expect(validJson, JSON.stringify(validJson)).toMatchObject({ code: 0, stdout: expected });
    expect(bad.code, JSON.stringify(bad)).toBe(1);
    expect(bad.stdout).toMatch(/^invalid: bad signature\n$/);
  });

  it("revokes the certificate when the registration is cancelled, and says so everywhere", async () => {
    const id = await inNotice();
    advance(10 * DAY_MS + 1000);
    const number: string = (await as("operator", "POST", `/registrations/${id}/close-notice`)).json()
      .registrationNumber;
    const before = (await as(null, "GET", `/certificates/${number}`)).json();
    expect(before).toMatchObject({ status: "valid", revokedAt: null, revocationReason: null });

    const cancelled = await as("enterprise-a", "POST", `/registrations/${id}/cancel`, {
      reason: "the resource was withdrawn",
    });
    expect(cancelled.json().status).toBe("cancelled");
    const after = await as(null, "GET", `/certificates/${number}`);
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({
      number,
      jws: before.jws,
      status: "revoked",
      revocationReason: "the resource was withdrawn",
    });
    expect(after.json().revokedAt).toEqual(expect.any(String));
    const revoked = (await events("certificates.revoked")).filter((e) => e.subjectIds.includes(number));
    expect(revoked).toHaveLength(1);

    // The offline verifier: the signature still holds, the stated status makes it invalid.
    const keyFile = join(dir, `key-revoked-${dialect}.json`);
    const jsonFile = join(dir, `revoked-${dialect}.json`);
    await writeFile(keyFile, (await as(null, "GET", "/certificates/key")).body);
    await writeFile(jsonFile, after.body);
    const verdict = await yaosu("verify", "certificate", jsonFile, "--key", keyFile);
    expect(verdict.code, JSON.stringify(verdict)).toBe(1);
    expect(verdict.stdout).toMatch(
      new RegExp(`^invalid: ${number} was revoked at .+: the resource was withdrawn\n$`),
    );
  });

  it("issues a revoked certificate for a registration cancelled before anyone asked", async () => {
    const id = await inNotice();
    advance(10 * DAY_MS + 1000);
    const number: string = (await as("operator", "POST", `/registrations/${id}/close-notice`)).json()
      .registrationNumber;
    await as("enterprise-a", "POST", `/registrations/${id}/cancel`, { reason: "duplicate entry" });
    const cert = await as(null, "GET", `/certificates/${number}`);
    expect(cert.statusCode).toBe(200);
    expect(cert.json()).toMatchObject({ status: "revoked", revocationReason: "duplicate entry" });
  });

  it("refuses unregistered, unknown and malformed numbers", async () => {
    const id = await inNotice();
    const reg = (await as(null, "GET", `/registrations/${id}`)).json();
    expect(reg.registrationNumber ?? null).toBeNull();
    const unknown = await as(null, "GET", "/certificates/YS-REG-1999-000001");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe("certificate_not_found");
    const unknownRaw = await as(null, "GET", "/certificates/YS-REG-1999-000001.jws");
    expect(unknownRaw.statusCode).toBe(404);
    const malformed = await as(null, "GET", "/certificates/not-a-number");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe("invalid_registration_number");
  });
});
