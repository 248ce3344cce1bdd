import { createPrivateKey, type KeyObject } from "node:crypto";
import { calculateJwkThumbprint } from "jose";
import { generateEd25519, type PublicJwk } from "../../kernel/crypto/ed25519.js";
import { open, seal } from "../../kernel/crypto/secret-box.js";
import { typed } from "../../kernel/db/database.js";
import type { Kernel } from "../../kernel/kernel.js";
import { CERTIFICATE_ALG } from "./certificate.model.js";
import type { CertificateTables } from "./certificates.tables.js";

/**
 * The exchange's Ed25519 certificate key. Created once per exchange (keyed by its log origin) and
 * stored with the private half sealed under the master key, so every process sharing the database
 * signs with the same key. The public half is published as a JWK whose `kid` is its RFC 7638
 * thumbprint: GET /api/v1/certificates/key.
 */
export interface CertificateKey {
  kid: string;
  publicJwk: PublicJwk & { kid: string; alg: string; use: string };
  privateKey: KeyObject;
}

export async function loadOrCreateCertificateKey(k: Kernel): Promise<CertificateKey> {
  const origin = k.config.logOrigin;
  const table = typed<CertificateTables>(k.db);
  const aad = `certificate-key:${origin}`;
  const existing = await table
    .selectFrom("certificate_keys")
    .selectAll()
    .where("origin", "=", origin)
    .executeTakeFirst();
  if (existing) {
    const der = open(k.keyring.subkey("secret-encryption"), existing.private_key_sealed, aad);
    const jwk = JSON.parse(existing.public_jwk) as PublicJwk;
    return {
      kid: existing.kid,
      publicJwk: { ...jwk, kid: existing.kid, alg: CERTIFICATE_ALG, use: "sig" },
      privateKey: createPrivateKey({ key: der, format: "der", type: "pkcs8" }),
    };
  }
  const { publicJwk, privatePkcs8 } = generateEd25519();
  const kid = await calculateJwkThumbprint(publicJwk);
  await table
    .insertInto("certificate_keys")
    .values({
      origin,
      kid,
      public_jwk: JSON.stringify(publicJwk),
      private_key_sealed: seal(k.keyring.subkey("secret-encryption"), privatePkcs8, aad),
      created_at: k.clock.now().toISOString(),
    })
    .onConflict((oc) => oc.column("origin").doNothing())
    .execute();
  // Another process may have won the race to create it: whatever is stored is the key.
  return loadOrCreateCertificateKey(k);
}
