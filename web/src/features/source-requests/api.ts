// The copy-request API (PR-5) as TanStack Query hooks; every change refetches every request list.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { API_BASE, ApiError, api } from "../../app/api.js";
import { post, useInvalidating as useSharedInvalidating } from "../../app/mutations.js";
import { getSession } from "../../app/session.js";
import type { SearchAnswer } from "../catalog/model.js";
import type { FulfilBody, SourceRequest, SubmitBody } from "./model.js";

const KEY = ["source-requests"] as const;
type Items<T> = { items: T[] };
const enc = encodeURIComponent;

/** Mine (made or received); overseers see all, and `overdue` lists the ones past their deadline. */
export function useSourceRequests(overdue = false, enabled = true) {
  const path = `/source-requests?limit=200${overdue ? "&overdue=true" : ""}`;
  return useQuery({
    queryKey: [...KEY, path],
    queryFn: ({ signal }) => api<Items<SourceRequest>>(path, { signal }),
    enabled,
  });
}

/** Registered resources matching the words, to pick the one to ask (public catalog search). */
export function useRegisteredSearch(q: string) {
  const path = `/catalog/search?status=registered&limit=10&q=${enc(q)}`;
  return useQuery({
    queryKey: ["catalog", "search", path],
    queryFn: ({ signal }) => api<SearchAnswer>(path, { signal, auth: false }),
    enabled: q.trim() !== "",
    placeholderData: keepPreviousData,
  });
}

/** This feature's mutations refetch its queries. */
const useInvalidating = <V, R>(run: (vars: V) => Promise<R>) => useSharedInvalidating(KEY, run);

export const useSubmitRequest = () =>
  useInvalidating((body: SubmitBody) => post<SourceRequest>("/source-requests", body));

export const useWithdrawRequest = () =>
  useInvalidating((id: string) => post<SourceRequest>(`/source-requests/${enc(id)}/withdraw`));

export const useRefuseRequest = () =>
  useInvalidating(({ id, reason }: { id: string; reason: string }) =>
    post<SourceRequest>(`/source-requests/${enc(id)}/refuse`, { reason }),
  );

export const useFulfilRequest = () =>
  useInvalidating(({ id, body }: { id: string; body: FulfilBody }) =>
    post<SourceRequest>(`/source-requests/${enc(id)}/fulfil`, body),
  );

/** The copy (requester only) as a blob: the download needs the bearer token, so no plain link. */
export async function fetchCopy(id: string): Promise<Blob> {
  const token = getSession()?.accessToken;
  const response = await fetch(`${API_BASE}/source-requests/${enc(id)}/copy`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError({
      status: response.status,
      code: body.code ?? `http_${response.status}`,
      message: body.message ?? response.statusText,
    });
  }
  return response.blob();
}
