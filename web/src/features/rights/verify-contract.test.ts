// PR-4: the portal's in-browser contract check (WebCrypto, as under Node's globalThis.crypto)
// against contracts signed here with node:crypto Ed25519, canonicalised by the server's own code.
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeDocument } from "../../../../src/modules/rights/contract-document.js";
import { canonicalJson } from "./canonical.js";
import { contractFile, fromBase64Url, type SignedContract, verifyContract } from "./verify-contract.js";

function party(id: string) {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const { kty, crv, x } = publicKey.export({ format: "jwk" }) as { kty: "OKP"; crv: "Ed25519"; x: string };
  return { participantId: id, publicKeyJwk: { kty, crv, x }, privateKey };
}

const holder = party("ptc_01HOLDER0000000000000000000");
const counterparty = party("ptc_01COUNTERPARTY000000000000");
const publicOf = ({ participantId, publicKeyJwk }: typeof holder) => ({ participantId, publicKeyJwk });

const document = {
  type: "yaosu.rights-contract" as const,
  version: 1 as const,
  contractId: "rct_01CONTRACT00000000000000000",
  kind: "grant" as const,
  holder: publicOf(holder),
  counterparty: publicOf(counterparty),
  sourceRight: { id: "rgt_01SOURCE", kind: "holding" as const, registrationId: "reg_01X" },
  right: {
    kind: "processing_use" as const,
    scope: "模型训练，不得重新识别 — no re-identification",
    termStart: "2026-12-02T00:00:00.000Z",
    termEnd: null,
  },
  priceFen: 1_250_000,
  proposedAt: "2026-12-02T00:00:00.000Z",
};

const signWith = (key: KeyObject, bytes: Buffer) => sign(null, bytes, key).toString("base64url");

function signedContract(): SignedContract {
  const { bytes, sha256 } = encodeDocument(document);
  return {
    document: JSON.parse(JSON.stringify(document)),
    documentSha256: sha256,
    signatures: {
      holder: { ...publicOf(holder), signature: signWith(holder.privateKey, bytes) },
      counterparty: { ...publicOf(counterparty), signature: signWith(counterparty.privateKey, bytes) },
    },
  };
}

describe("PR-4 contract verification in the browser", () => {
  it("PR-4: canonical JSON is byte for byte what the server signs (RFC 8785)", () => {
    expect(canonicalJson(document)).toBe(encodeDocument(document).text);
    expect(canonicalJson({ b: [1, 2.5, "é\u2028"], a: { z: null, y: true }, "\u00e9": 1e21 })).toBe(
      '{"a":{"y":true,"z":null},"b":[1,2.5,"é\u2028"],"é":1e+21}',
    );
  });

  it("PR-4: both signatures and the hash of a contract signed with node:crypto verify", async () => {
    const result = await verifyContract(signedContract());
    expect(result).toMatchObject({
      typeOk: true,
      hashMatches: true,
      valid: true,
      holder: { status: "valid", participantId: holder.participantId, publicKeyX: holder.publicKeyJwk.x },
      counterparty: { status: "valid", participantId: counterparty.participantId },
    });
    expect(result.computedSha256).toBe(encodeDocument(document).sha256);
  });

  it("PR-4: a changed term breaks the hash and both signatures", async () => {
    const contract = signedContract();
    (contract.document.right as { scope: string }).scope = "anything";
    const result = await verifyContract(contract);
    expect(result.hashMatches).toBe(false);
    expect(result.holder.status).toBe("invalid");
    expect(result.counterparty.status).toBe("invalid");
    expect(result.valid).toBe(false);
  });

  it("PR-4: an unsigned counterparty, another key or another signer is not valid", async () => {
    const proposed = signedContract();
    proposed.signatures.counterparty = null;
    const unsigned = await verifyContract(proposed);
    expect(unsigned.counterparty.status).toBe("missing");
    expect(unsigned.holder.status).toBe("valid");
    expect(unsigned.valid).toBe(false);

    const stranger = party("ptc_01STRANGER00000000000000000");
    const { bytes } = encodeDocument(document);
    const forged = signedContract();
    forged.signatures.counterparty = {
      ...publicOf(stranger),
      participantId: counterparty.participantId,
      signature: signWith(stranger.privateKey, bytes),
    };
    expect((await verifyContract(forged)).counterparty.status).toBe("key_mismatch");
    // the same forgery without naming its key is caught by the signature itself
    forged.signatures.counterparty = { signature: signWith(stranger.privateKey, bytes) };
    expect((await verifyContract(forged)).counterparty.status).toBe("invalid");
    forged.signatures.counterparty = { participantId: stranger.participantId, signature: "AAAA" };
    expect((await verifyContract(forged)).counterparty.status).toBe("party_mismatch");
  });

  it("PR-4: a document of another type or with a wrong stated hash is not valid", async () => {
    const contract = signedContract();
    const wrongHash = await verifyContract({ ...contract, documentSha256: "00".repeat(32) });
    expect(wrongHash.hashMatches).toBe(false);
    expect(wrongHash.valid).toBe(false);
    const other = signedContract();
    other.document.type = "something-else";
    expect((await verifyContract(other)).typeOk).toBe(false);
  });

  it("PR-4: base64url decoding and the download file for `yaosu verify contract`", () => {
    expect(Array.from(fromBase64Url("_-8") ?? [])).toEqual([0xff, 0xef]);
    expect(fromBase64Url("a+b/")).toBeNull();
    expect(fromBase64Url("abcde")).toBeNull();
    const file = contractFile({ ...signedContract(), id: "rct_1" });
    expect(file.name).toBe("rct_1.json");
    expect(JSON.parse(file.text).documentSha256).toBe(encodeDocument(document).sha256);
  });
});
