// Runs the in-browser check of a certificate once its JWS and the key are at hand.
import { useQuery } from "@tanstack/react-query";
import { WebCryptoUnavailableError, webCryptoSupport } from "../evidence/webcrypto.js";
import { type Ed25519Jwk, verifyCertificate } from "./jws.js";

export async function checkCertificate(jws: string, jwk: Ed25519Jwk, expectedNumber?: string) {
  const support = await webCryptoSupport();
  if (support !== "ok") throw new WebCryptoUnavailableError(support);
  return verifyCertificate(jws, jwk, expectedNumber);
}

export function useVerification(
  jws: string | undefined,
  jwk: Ed25519Jwk | undefined,
  expectedNumber?: string,
) {
  return useQuery({
    queryKey: ["certificates", "verify", jws, jwk?.x, jwk?.crv, expectedNumber],
    queryFn: () => checkCertificate(jws ?? "", jwk as Ed25519Jwk, expectedNumber),
    enabled: jws !== undefined && jwk !== undefined,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
