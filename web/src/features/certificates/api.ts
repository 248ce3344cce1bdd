// The public certificate API, fetched without a session: certificates are for anyone to check.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../app/api.js";
import type { CertificatePayload, Ed25519Jwk } from "./jws.js";

export interface CertificateAnswer {
  number: string;
  jws: string;
  payload: CertificatePayload;
  issuedAt: string;
  /** Present once the API reports revocation; absent means the server does not say. */
  status?: "valid" | "revoked" | "cancelled" | "superseded" | (string & {});
  revokedAt?: string | null;
  revocationReason?: string | null;
}

export interface KeyAnswer {
  kid: string;
  jwk: Ed25519Jwk & { kid: string; alg: string; use: string };
}

export const fetchKey = (signal?: AbortSignal) =>
  api<KeyAnswer>("/certificates/key", { auth: false, ...(signal ? { signal } : {}) });

export function useCertificate(number: string) {
  return useQuery({
    queryKey: ["certificates", number],
    queryFn: ({ signal }) =>
      api<CertificateAnswer>(`/certificates/${encodeURIComponent(number)}`, { auth: false, signal }),
  });
}

export function useCertificateKey() {
  return useQuery({
    queryKey: ["certificates", "key"],
    queryFn: ({ signal }) => fetchKey(signal),
    staleTime: 3_600_000,
  });
}
