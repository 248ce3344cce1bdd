import { createHash, createPublicKey, verify } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { yaosu } from "../support/cli.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { rightsHarness } from "./helpers.js";

const canonicalize = createRequire(import.meta.url)("canonicalize") as (input: unknown) => string;

interface Signed {
  participantId: string;
  publicKeyJwk: { kty: string; crv: string; x: string };
  signature: string;
}

const verifies = (bytes: Buffer, s: Signed) =>
  verify(
    null,
    bytes,
    createPublicKey({ key: { ...s.publicKeyJwk }, format: "jwk" }),
    Buffer.from(s.signature, "base64url"),
  );

/**
 * Both parties' signatures on a rights contract (PR-4) can be checked by anyone, offline: with the
 * public JWKs alone, and with the built `yaosu verify contract` (exit 0 valid, 1 invalid, 2 usage).
 */
describe.each(DIALECTS)("rights contract signatures on %s", (dialect) => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    dir = await mkdtemp(join(tmpdir(), "yaosu-contract-"));
  });
  afterAll(async () => {
    await t.cleanup();
    await rm(dir, { recursive: true, force: true });
  });
  const { as, registered, holdingRight, participantId } = rightsHarness(() => t);

  it("PR-4: a signed contract verifies with the parties' public JWKs and fails once the document is altered; yaosu verify contract", async () => {
    const [a, b] = [await participantId("enterprise-a"), await participantId("enterprise-b")];
    const source = await holdingRight(await registered("enterprise-a"));
    const offer = (
      await as("enterprise-a", "POST", `/rights/${source.id}/contracts`, {
        kind: "grant",
        counterpartyParticipantId: b,
        rightKind: "product_operation",
        scope: "operate a congestion index product",
        priceFen: 99_900,
      })
    ).json();
    const proposedFile = join(dir, `proposed-${dialect}.json`);
    await writeFile(proposedFile, JSON.stringify(offer));
    expect((await as("enterprise-b", "POST", `/rights/contracts/${offer.id}/accept`)).statusCode).toBe(200);
    const answer = await as("enterprise-a", "GET", `/rights/contracts/${offer.id}`);
    const contract = answer.json();
    expect(contract.status).toBe("signed");

    // Offline, by hand: canonical bytes → hash, each signature under the key inside the document.
    const bytes = Buffer.from(canonicalize(contract.document), "utf8");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(contract.documentSha256);
    expect(contract.document).toMatchObject({
      kind: "grant",
      holder: { participantId: a },
      counterparty: { participantId: b },
      priceFen: 99_900,
      right: { kind: "product_operation" },
    });
    const me = async (u: string) => (await as(u, "GET", "/participants/me")).json().participant.publicKeyJwk;
    expect(contract.signatures.holder.publicKeyJwk).toEqual(await me("enterprise-a"));
    expect(contract.signatures.counterparty.publicKeyJwk).toEqual(await me("enterprise-b"));
    expect(contract.document.holder.publicKeyJwk).toEqual(contract.signatures.holder.publicKeyJwk);
    expect(verifies(bytes, contract.signatures.holder)).toBe(true);
    expect(verifies(bytes, contract.signatures.counterparty)).toBe(true);
    const altered = Buffer.from(canonicalize({ ...contract.document, priceFen: 1 }), "utf8");
    expect(verifies(altered, contract.signatures.holder)).toBe(false);
    expect(verifies(altered, contract.signatures.counterparty)).toBe(false);
    const swapped = { ...contract.signatures.holder, signature: contract.signatures.counterparty.signature };
    expect(verifies(bytes, swapped)).toBe(false);

    // The built CLI.
    const file = (name: string) => join(dir, `${name}-${dialect}.json`);
    await writeFile(file("signed"), answer.body);
    const tampered = { ...contract, document: { ...contract.document, priceFen: 1 } };
    await writeFile(file("tampered"), JSON.stringify(tampered));
    const rehashed = {
      ...tampered,
      documentSha256: createHash("sha256").update(altered).digest("hex"),
    };
    await writeFile(file("rehashed"), JSON.stringify(rehashed));
    const [valid, badHash, badSignature, unsigned, missing] = await Promise.all([
      yaosu("verify", "contract", file("signed")),
      yaosu("verify", "contract", file("tampered")),
      yaosu("verify", "contract", file("rehashed")),
      yaosu("verify", "contract", proposedFile),
      yaosu("verify", "contract", file("missing")),
    ]);
    expect(valid, JSON.stringify(valid)).toMatchObject({
      code: 0,
      stdout: `valid: ${offer.id} grant ${a} -> ${b} sha256 ${contract.documentSha256}\n`,
    });
    expect(badHash.code, JSON.stringify(badHash)).toBe(1);
    expect(badHash.stdout).toMatch(/^invalid: the document hashes to [0-9a-f]{64}, not the stated/);
    expect(badSignature.code, JSON.stringify(badSignature)).toBe(1);
    expect(badSignature.stdout).toBe("invalid: bad holder signature\n");
    expect(unsigned.code).toBe(1);
    expect(unsigned.stdout).toBe(`invalid: not signed by the counterparty ("${b}")\n`);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
  });
});
