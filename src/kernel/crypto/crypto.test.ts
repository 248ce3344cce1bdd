import { randomBytes } from "node:crypto";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keyedHash } from "./digest.js";
import { generateEd25519, signEd25519, verifyEd25519 } from "./ed25519.js";
import { keyringFromMaster, loadOrCreateMasterKey } from "./keyring.js";
import { hashPassword, verifyPassword } from "./password.js";
import { open, seal } from "./secret-box.js";

describe("secrets at rest", () => {
  it("hashes passwords with scrypt and verifies only the right one", async () => {
    const hash = await hashPassword("数据要素 password");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain("password");
    expect(await verifyPassword("数据要素 password", hash)).toBe(true);
    expect(await verifyPassword("数据要素 passwore", hash)).toBe(false);
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("seals with AES-GCM bound to its record: another record's id will not open it", () => {
    const key = randomBytes(32);
    const sealed = seal(key, Buffer.from("private key bytes"), "participant:ptc_A");
    expect(open(key, sealed, "participant:ptc_A").toString()).toBe("private key bytes");
    expect(() => open(key, sealed, "participant:ptc_B")).toThrow();
    expect(() => open(randomBytes(32), sealed, "participant:ptc_A")).toThrow();
  });

  it("creates the master key once, mode 0600, and derives distinct subkeys", () => {
    const dir = mkdtempSync(join(tmpdir(), "yaosu-keys-"));
    const first = loadOrCreateMasterKey(dir);
    expect(loadOrCreateMasterKey(dir).equals(first)).toBe(true);
    expect(statSync(join(dir, "master.key")).mode & 0o777).toBe(0o600);
    const keyring = keyringFromMaster(first);
    expect(keyring.subkey("session-token").equals(keyring.subkey("pii-hash"))).toBe(false);
    expect(keyedHash(keyring.subkey("pii-hash"), "x")).not.toBe(
      keyedHash(keyringFromMaster(randomBytes(32)).subkey("pii-hash"), "x"),
    );
  });

  it("signs with Ed25519 and publishes a JWK others can verify with", () => {
    const { publicJwk, privatePkcs8 } = generateEd25519();
    const signature = signEd25519(privatePkcs8, Buffer.from("交易声明承诺"));
    expect(verifyEd25519(publicJwk, Buffer.from("交易声明承诺"), signature)).toBe(true);
    expect(verifyEd25519(publicJwk, Buffer.from("交易声明承诺!"), signature)).toBe(false);
    expect(Buffer.from(publicJwk.x, "base64url")).toHaveLength(32);
  });
});
