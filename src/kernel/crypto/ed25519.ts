import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";

/**
 * Ed25519 keys for participants' signatures on statements and contracts (and the exchange's own
 * keys). The public half is published as a JWK (RFC 8037) so any JOSE library can verify; the
 * private half is kept as PKCS#8 DER, sealed at rest by the caller.
 */
export interface PublicJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
}

export function generateEd25519(): { publicJwk: PublicJwk; privatePkcs8: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" });
  return {
    publicJwk: { kty: "OKP", crv: "Ed25519", x: String(jwk.x) },
    privatePkcs8: privateKey.export({ format: "der", type: "pkcs8" }),
  };
}

export function signEd25519(privatePkcs8: Buffer, message: Uint8Array): Buffer {
  return sign(null, message, createPrivateKey({ key: privatePkcs8, format: "der", type: "pkcs8" }));
}

export function verifyEd25519(publicJwk: PublicJwk, message: Uint8Array, signature: Uint8Array): boolean {
  return verify(null, message, createPublicKey({ key: { ...publicJwk }, format: "jwk" }), signature);
}
