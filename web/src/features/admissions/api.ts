import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, newIdempotencyKey } from "../../app/api.js";
import type { Participant } from "../../app/types.js";

export const ADMISSION_TABS = ["pending", "admitted", "rejected"] as const;
export type AdmissionTab = (typeof ADMISSION_TABS)[number];

const admissionsKey = ["admissions"] as const;

export function useAdmissions(status: AdmissionTab) {
  return useQuery({
    queryKey: [...admissionsKey, status],
    queryFn: ({ signal }) =>
      api<{ items: Participant[] }>(`/admissions?status=${encodeURIComponent(status)}`, { signal }),
  });
}

export type AdmissionDecision =
  | { id: string; action: "admit"; note?: string }
  | { id: string; action: "reject"; reason: string };

/** Admit or reject; afterwards every admissions list (and the participant itself) is refetched. */
export function useDecideAdmission() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: AdmissionDecision) => {
      const body = decision.action === "admit" ? { note: decision.note } : { reason: decision.reason };
      return api<Participant>(`/admissions/${encodeURIComponent(decision.id)}/${decision.action}`, {
        method: "POST",
        body,
        idempotencyKey: newIdempotencyKey(),
      });
    },
    onSettled: (_data, _error, decision) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: admissionsKey }),
        queryClient.invalidateQueries({ queryKey: ["participants", decision.id] }),
      ]),
  });
}
