import { hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The master key protects secrets at rest (participants' signing keys) and keys the hashes of
 * personal identifiers. It lives outside the database: from YAOSU_MASTER_KEY, or a file
 * `master.key` (mode 0600) created on first start in the data dir. Whoever copies only the
 * database gets neither private keys nor a way to test guesses of ID numbers.
 * Each purpose gets its own subkey (HKDF-SHA256) so one use can never be confused with another.
 */
export interface Keyring {
  subkey(purpose: KeyPurpose): Buffer;
}

export type KeyPurpose = "session-token" | "pii-hash" | "secret-encryption" | "idempotency" | "vault";

export function keyringFromMaster(master: Buffer): Keyring {
  if (master.length !== 32) throw new Error("master key must be 32 bytes");
  const cache = new Map<KeyPurpose, Buffer>();
  return {
    subkey(purpose) {
      let key = cache.get(purpose);
      if (!key) {
        key = Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `yaosu/${purpose}`, 32));
        cache.set(purpose, key);
      }
      return key;
    },
  };
}

export function loadOrCreateMasterKey(dataDir: string, fromEnv?: string): Buffer {
  if (fromEnv) return decodeKey(fromEnv);
  const path = join(dataDir, "master.key");
  if (existsSync(path)) return decodeKey(readFileSync(path, "utf8").trim());
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return key;
}

function decodeKey(text: string): Buffer {
  const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) throw new Error("master key must be 32 bytes of base64");
  return key;
}
