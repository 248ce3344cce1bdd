// Names for ids: a participant's public name and a registration's resource name, cached per id.
// Shared by the rights, source-requests and quality features.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../app/api.js";
import type { Participant } from "../../app/types.js";

export function useParticipantName(id: string | null | undefined): string | undefined {
  const query = useQuery({
    queryKey: ["participants", id],
    queryFn: ({ signal }) => api<Participant>(`/participants/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: !!id,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return query.data?.name;
}

export interface RegistrationBrief {
  id: string;
  name: string;
  holderParticipantId: string;
  registrationNumber: string | null;
  status: string;
  datasetId?: string | null | undefined;
  fields?: { name: string; type?: string | undefined; description?: string | undefined }[] | undefined;
}

/** The registration a right, request or feedback is about (public once registered). */
export function useRegistrationBrief(id: string | null | undefined) {
  return useQuery({
    queryKey: ["registrations", "one", id],
    queryFn: ({ signal }) =>
      api<RegistrationBrief>(`/registrations/${encodeURIComponent(id ?? "")}`, { signal }),
    enabled: !!id,
    staleTime: 60_000,
    retry: false,
  });
}
