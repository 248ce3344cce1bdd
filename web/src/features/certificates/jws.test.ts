// The in-browser certificate check (PR-3) against certificates signed by the server's own code:
// the exchange's key as loadOrCreateCertificateKey makes it, the JWS as signCertificate writes it.
// Runs under Node's WebCrypto, which has Ed25519 like current browsers.
import { createPrivateKey } from "node:crypto";
import { calculateJwkThumbprint } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateEd25519 } from "../../../../src/kernel/crypto/ed25519.js";
import { signCertificate } from "../../../../src/modules/certificates/certificates.service.js";
import {
  type CertificateKey,
  loadOrCreateCertificateKey,
} from "../../../../src/modules/certificates/index.js";
import { type TestKernel, testKernel } from "../../../../test/support/kernels.js";
import {
  fromBase64Url,
  jwkThumbprint,
  parseCompactJws,
  parseKey,
  toBase64Url,
  verifyCertificate,
} from "./jws.js";

// Not annotated: the claim set grows (e.g. a version for change registrations), and a variable
// (unlike a fresh literal) may carry claims the type does not name yet.
const claims = {
  iss: "yaosu.test/exchange",
  sub: "YS-REG-2026-000001",
  iat: 1_780_000_000,
  registrationNumber: "YS-REG-2026-000001",
  registrationId: "reg_01KJ0000000000000000000000",
  resourceName: "上海市公交刷卡数据 2025",
  holderParticipantId: "ptc_01KJ0000000000000000000000",
  holderName: "浦江数据服务有限公司",
  originClass: "enterprise",
  grade: "general",
  registeredAt: "2026-06-01T08:00:00.000Z",
  noticeStartsAt: "2026-05-20T08:00:00.000Z",
  noticeEndsAt: "2026-05-30T08:00:00.000Z",
  version: 1,
};

async function otherKey(): Promise<CertificateKey> {
  const { publicJwk, privatePkcs8 } = generateEd25519();
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    publicJwk: { ...publicJwk, kid, alg: "EdDSA", use: "sig" },
    privateKey: createPrivateKey({ key: privatePkcs8, format: "der", type: "pkcs8" }),
  };
}

/** Re-encodes one part of a compact JWS after changing its JSON. */
function rewrite(jws: string, part: 0 | 1, change: (value: Record<string, unknown>) => void): string {
  const parts = jws.split(".");
  const value = JSON.parse(new TextDecoder().decode(fromBase64Url(parts[part] ?? "") ?? new Uint8Array()));
  change(value);
  parts[part] = toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
  return parts.join(".");
}

describe("PR-3 certificate verification in the browser (WebCrypto Ed25519)", () => {
  let tk: TestKernel;
  let key: CertificateKey;
  let jws: string;

  beforeAll(async () => {
    tk = await testKernel("sqlite");
    key = await loadOrCreateCertificateKey(tk.k);
    jws = await signCertificate(key, claims);
  });
  afterAll(async () => tk?.cleanup());

  it("PR-3 accepts a certificate the exchange signed, and reads its claims", async () => {
    const check = await verifyCertificate(jws, key.publicJwk, claims.registrationNumber);
    expect(check).toMatchObject({ valid: true, keyThumbprint: key.kid, payload: claims });
    expect(check.failure).toBeUndefined();
    expect(check.header).toMatchObject({
      alg: "EdDSA",
      kid: key.kid,
      typ: "yaosu-registration-certificate+jwt",
    });
  });

  it("PR-3 computes the RFC 7638 thumbprint exactly as jose does (the certificate kid)", async () => {
    expect(await jwkThumbprint(key.publicJwk)).toBe(await calculateJwkThumbprint(key.publicJwk));
    const other = await otherKey();
    expect(await jwkThumbprint(other.publicJwk)).toBe(other.kid);
  });

  it("PR-3 refuses a tampered payload (the signature no longer matches)", async () => {
    const forged = rewrite(jws, 1, (p) => {
      p.holderName = "冒名公司";
    });
    expect(await verifyCertificate(forged, key.publicJwk)).toMatchObject({
      valid: false,
      failure: "bad_signature",
    });
    // a single flipped signature character is caught too
    const last = jws.at(-2) === "A" ? "B" : "A";
    const flipped = `${jws.slice(0, -2)}${last}${jws.at(-1)}`;
    expect((await verifyCertificate(flipped, key.publicJwk)).valid).toBe(false);
  });

  it("PR-3 refuses a certificate checked against another key", async () => {
    const other = await otherKey();
    expect(await verifyCertificate(jws, other.publicJwk)).toMatchObject({
      valid: false,
      failure: "key_mismatch",
    });
    // without a kid in the header the signature check itself fails
    const noKid = rewrite(jws, 0, (h) => {
      delete h.kid;
    });
    expect(await verifyCertificate(noKid, other.publicJwk)).toMatchObject({
      valid: false,
      failure: "bad_signature",
    });
  });

  it("PR-3 refuses another certificate's number, another algorithm or type, and broken input", async () => {
    expect(await verifyCertificate(jws, key.publicJwk, "YS-REG-2026-000002")).toMatchObject({
      valid: false,
      failure: "number_mismatch",
    });
    const hs = rewrite(jws, 0, (h) => {
      h.alg = "HS256";
    });
    expect((await verifyCertificate(hs, key.publicJwk)).failure).toBe("unsupported_alg");
    const typ = rewrite(jws, 0, (h) => {
      h.typ = "JWT";
    });
    expect((await verifyCertificate(typ, key.publicJwk)).failure).toBe("wrong_type");
    for (const garbage of ["", "a.b", "a.b.c.d", "!!!.e30.AA", `${jws}=`])
      expect((await verifyCertificate(garbage, key.publicJwk)).failure).toBe("malformed");
    expect((await verifyCertificate(jws, { ...key.publicJwk, x: "AAAA" })).failure).toBe("bad_key");
    expect((await verifyCertificate(jws, { ...key.publicJwk, crv: "P-256" })).failure).toBe("bad_key");
  });

  it("PR-3 reads a pasted key as a JWK or as the exchange's key answer, and nothing else", () => {
    const jwk = key.publicJwk;
    expect(parseKey(JSON.stringify(jwk))).toEqual({ kty: "OKP", crv: "Ed25519", x: jwk.x, kid: key.kid });
    expect(parseKey(JSON.stringify({ kid: key.kid, jwk }))).toMatchObject({ x: jwk.x });
    for (const bad of ["", "not json", "[]", "{}", JSON.stringify({ kty: "OKP", crv: "Ed25519" })])
      expect(parseKey(bad)).toBeNull();
  });

  it("PR-3 splits a compact JWS and decodes base64url without padding", () => {
    const parsed = parseCompactJws(jws);
    expect(parsed?.signature).toHaveLength(64);
    expect(fromBase64Url("-_8")).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(fromBase64Url("AA==")).toBeNull();
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe("-_8");
  });
});
