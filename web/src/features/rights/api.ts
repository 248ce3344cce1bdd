// The rights API (PR-2, PR-4) as TanStack Query hooks. Every change refetches every rights query,
// so the lists, the lineage and the contract page never disagree.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../app/api.js";
import { post, useInvalidating as useSharedInvalidating } from "../../app/mutations.js";
import type { Participant } from "../../app/types.js";
import type { Contract, Proposal, Right, SuccessionBody, SuccessionResult } from "./model.js";

const KEY = ["rights"] as const;
type Items<T> = { items: T[] };
const enc = encodeURIComponent;

export function useMyRights(participantId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, "holder", participantId],
    queryFn: ({ signal }) =>
      api<Items<Right>>(`/participants/${enc(participantId ?? "")}/rights?limit=200`, { signal }),
    enabled: participantId !== undefined,
  });
}

/** Every right on one resource: the whole lineage (public for registered resources). */
export function useResourceRights(registrationId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, "resource", registrationId],
    queryFn: ({ signal }) =>
      api<Items<Right>>(`/rights?resource=${enc(registrationId ?? "")}&limit=200`, { signal }),
    enabled: registrationId !== undefined,
  });
}

export function useRight(id: string) {
  return useQuery({
    queryKey: [...KEY, "one", id],
    queryFn: ({ signal }) => api<Right>(`/rights/${enc(id)}`, { signal }),
  });
}

export function useMyContracts(participantId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, "contracts", participantId],
    queryFn: ({ signal }) =>
      api<Items<Contract>>(`/participants/${enc(participantId ?? "")}/rights-contracts?limit=200`, {
        signal,
      }),
    enabled: participantId !== undefined,
  });
}

export function useContract(id: string) {
  return useQuery({
    queryKey: [...KEY, "contract", id],
    queryFn: ({ signal }) => api<Contract>(`/rights/contracts/${enc(id)}`, { signal }),
  });
}

/** Admitted participants to offer as counterparties or successors (the public directory). */
export function useParticipantDirectory(enabled = true) {
  return useQuery({
    queryKey: ["participants", "directory"],
    queryFn: ({ signal }) => api<Items<Participant>>("/participants?status=admitted&limit=200", { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/** This feature's mutations refetch its queries. */
const useInvalidating = <V, R>(run: (vars: V) => Promise<R>) => useSharedInvalidating(KEY, run);

export const usePropose = () =>
  useInvalidating(({ rightId, body }: { rightId: string; body: Proposal }) =>
    post<Contract>(`/rights/${enc(rightId)}/contracts`, body),
  );

export type ContractDecision = "accept" | "decline" | "withdraw";

export const useDecideContract = () =>
  useInvalidating(({ id, action, reason }: { id: string; action: ContractDecision; reason?: string }) =>
    post<Contract>(`/rights/contracts/${enc(id)}/${action}`, reason ? { reason } : {}),
  );

export const useSuccession = () =>
  useInvalidating(({ predecessorId, body }: { predecessorId: string; body: SuccessionBody }) =>
    post<SuccessionResult>(`/participants/${enc(predecessorId)}/succession`, body),
  );
