// The registration API as TanStack Query hooks. Every change refetches every registration list
// and the record itself, so lists, detail pages and the review queue never disagree.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../app/api.js";
import { post, useInvalidating as useSharedInvalidating } from "../../app/mutations.js";
import type { Participant } from "../../app/types.js";
import type { DraftInput, Objection, Registration, RegistrationStatus } from "./model.js";

const KEY = ["registrations"] as const;
const path = (id: string, rest = "") => `/registrations/${encodeURIComponent(id)}${rest}`;
type Items<T> = { items: T[] };

/** The caller's own registrations (the server lists the holder's drafts along with its public ones). */
export function useMyRegistrations(participantId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, "holder", participantId],
    queryFn: ({ signal }) =>
      api<Items<Registration>>(`/registrations?holder=${encodeURIComponent(participantId ?? "")}&limit=200`, {
        signal,
      }),
    enabled: participantId !== undefined,
  });
}

export function useRegistrationsIn(status: RegistrationStatus) {
  return useQuery({
    queryKey: [...KEY, "status", status],
    queryFn: ({ signal }) =>
      api<Items<Registration>>(`/registrations?status=${status}&limit=200`, { signal }),
  });
}

export function useReviewQueue() {
  return useQuery({
    queryKey: [...KEY, "review-queue"],
    queryFn: ({ signal }) => api<Items<Registration>>("/registrations/review-queue", { signal }),
  });
}

export function useRegistration(id: string) {
  return useQuery({
    queryKey: [...KEY, "one", id],
    queryFn: ({ signal }) => api<Registration>(path(id), { signal }),
  });
}

export function useObjections(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, "objections", id],
    queryFn: ({ signal }) => api<Items<Objection>>(path(id, "/objections"), { signal }),
    enabled,
  });
}

/** A participant's public name, for "holder" and "objector" cells (cached per id). */
export function useParticipantName(id: string | undefined): string | undefined {
  const query = useQuery({
    queryKey: ["participants", id],
    queryFn: ({ signal }) => api<Participant>(`/participants/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: id !== undefined,
    staleTime: 5 * 60_000,
  });
  return query.data?.name;
}

/** This feature's mutations refetch its queries. */
const useInvalidating = <V, R>(run: (vars: V) => Promise<R>) => useSharedInvalidating(KEY, run);

export type DraftBody = DraftInput & Required<Pick<DraftInput, "name" | "originClass" | "grade">>;

export const useCreateDraft = () =>
  useInvalidating((body: DraftBody) => post<Registration>("/registrations", body));

export const useUpdateDraft = () =>
  useInvalidating(({ id, body }: { id: string; body: DraftInput }) =>
    api<Registration>(path(id), { method: "PATCH", body }),
  );

/** The lifecycle steps, each a POST on the registration: who may call which is the server's rule. */
export type RegistrationAction =
  | { id: string; action: "submit" }
  | { id: string; action: "start-review" }
  | { id: string; action: "review"; decision: "pass" | "reject"; reason: string }
  | { id: string; action: "cancel"; reason: string }
  | { id: string; action: "close-notice" }
  | {
      id: string;
      action: "classification";
      originClass: Registration["originClass"];
      grade: Registration["grade"];
      sensitivePersonal: boolean;
      reason: string;
    };

export const useRegistrationAction = () =>
  useInvalidating(({ id, action, ...body }: RegistrationAction) =>
    post<Registration>(path(id, `/${action}`), body),
  );

export const useFileObjection = () =>
  useInvalidating(({ id, reasons, evidence }: { id: string; reasons: string; evidence: string[] }) =>
    post<Objection>(path(id, "/objections"), { reasons, evidence }),
  );

export const useDecideObjection = () =>
  useInvalidating(
    ({ id, decision, reason }: { id: string; decision: "upheld" | "dismissed"; reason: string }) =>
      post<Objection>(`/objections/${encodeURIComponent(id)}/decision`, { decision, reason }),
  );
