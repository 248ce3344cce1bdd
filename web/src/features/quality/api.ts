// The quality-loop API (SG-7) as TanStack Query hooks; every change refetches every quality query.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../app/api.js";
import { post, useInvalidating as useSharedInvalidating } from "../../app/mutations.js";
import type { DecisionBody, Feedback, FileBody, QualitySummary, ResponseBody } from "./model.js";

const KEY = ["quality"] as const;
type Items<T> = { items: T[] };
const enc = encodeURIComponent;

export function useQualitySummary(registrationId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, "summary", registrationId],
    queryFn: ({ signal }) =>
      api<QualitySummary>(`/quality-feedback/summary?registration=${enc(registrationId ?? "")}`, {
        signal,
        auth: false,
      }),
    enabled: registrationId !== undefined,
  });
}

/** Feedback the caller filed or received (overseers: also escalations), optionally on one resource. */
export function useFeedbackList(
  params: { registration?: string; status?: string; overdue?: boolean },
  enabled = true,
) {
  const query = new URLSearchParams({ limit: "200" });
  if (params.registration) query.set("registration", params.registration);
  if (params.status) query.set("status", params.status);
  if (params.overdue) query.set("overdue", "true");
  const path = `/quality-feedback?${query}`;
  return useQuery({
    queryKey: [...KEY, "list", path],
    queryFn: ({ signal }) => api<Items<Feedback>>(path, { signal }),
    enabled,
  });
}

/** This feature's mutations refetch its queries. */
const useInvalidating = <V, R>(run: (vars: V) => Promise<R>) => useSharedInvalidating(KEY, run);
const one = (id: string, action: string) => `/quality-feedback/${enc(id)}/${action}`;

export const useFileFeedback = () =>
  useInvalidating((body: FileBody) => post<Feedback>("/quality-feedback", body));

export type FeedbackStep =
  | { id: string; step: "response"; body: ResponseBody }
  | { id: string; step: "resolve" }
  | { id: string; step: "escalate" }
  | { id: string; step: "decision"; body: DecisionBody };

export const useFeedbackStep = () =>
  useInvalidating((step: FeedbackStep) =>
    post<Feedback>(one(step.id, step.step), "body" in step ? step.body : undefined),
  );
