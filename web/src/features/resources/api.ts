// The node's dataset API as TanStack Query hooks. The upload goes through send.ts (XHR, for
// progress); everything else through the app's fetch wrapper.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DraftInput } from "../../../../src/modules/registration/registration.schema.js";
import { api } from "../../app/api.js";
import type { Dataset, Profile, Scan } from "./model.js";
import { type SendOptions, sendDataset } from "./send.js";

const KEY = ["node", "datasets"] as const;
const path = (id: string, rest = "") => `/node/datasets/${encodeURIComponent(id)}${rest}`;

export function useDatasets(participantId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, "list", participantId],
    queryFn: ({ signal }) => api<{ items: Dataset[] }>("/node/datasets", { signal }),
    enabled: participantId !== undefined,
  });
}

export function useDataset(id: string) {
  return useQuery({ queryKey: [...KEY, id], queryFn: ({ signal }) => api<Dataset>(path(id), { signal }) });
}

/** Profile and scan read the whole dataset in the node: computed once per visit, not refetched. */
export function useProfile(id: string) {
  return useQuery({
    queryKey: [...KEY, id, "profile"],
    queryFn: ({ signal }) => api<Profile>(path(id, "/profile?sample=5"), { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useScan(id: string) {
  return useQuery({
    queryKey: [...KEY, id, "scan"],
    queryFn: ({ signal }) => api<Scan>(path(id, "/scan"), { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The registration body the node pre-fills from profile and scan; fetched when the holder registers. */
export function fetchRegistrationDraft(id: string): Promise<DraftInput> {
  return api<DraftInput>(path(id, "/registration-draft"));
}

export function useUploadDataset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, ...options }: SendOptions & { file: File }) => sendDataset(file, options),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteDataset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(path(id), { method: "DELETE" }),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: [...KEY, id] });
      return queryClient.invalidateQueries({ queryKey: [...KEY, "list"] });
    },
  });
}
