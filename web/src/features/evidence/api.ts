// The public evidence API (no login): JSON via the shared api() helper, and the two answers that
// are not JSON (the signed checkpoint note, an entry's raw bytes) fetched here, with problem
// bodies still turned into ApiError.
import { useQuery } from "@tanstack/react-query";
import { API_BASE, ApiError, api } from "../../app/api.js";

export interface EvidenceKey {
  origin: string;
  verifierKey: string;
}

export interface CheckpointRecord {
  size: number;
  rootHash: string;
  note: string;
  createdAt: string;
}

export interface EventEntry {
  id?: string;
  type?: string;
  occurredAt?: string;
  subjectIds?: string[];
  actor?: unknown;
  payload?: unknown;
  [field: string]: unknown;
}

export interface EvidenceEntry {
  index: number;
  leafHash: string;
  entry: EventEntry;
  sequencedAt: string;
}

export interface InclusionProof {
  treeSize: number;
  leafIndex: number;
  leafHash: string;
  rootHash: string;
  hashes: string[];
}

async function fetchRaw(path: string, accept: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { headers: { Accept: accept }, signal: signal ?? null });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({ status: 0, code: "network_error", message: String(cause) });
  }
  if (response.ok) return response;
  const fallback = {
    status: response.status,
    code: `http_${response.status}`,
    message: response.statusText || `HTTP ${response.status}`,
  };
  if (!(response.headers.get("Content-Type") ?? "").includes("json")) throw new ApiError(fallback);
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  throw new ApiError({
    ...fallback,
    code: typeof body.code === "string" ? body.code : fallback.code,
    message: typeof body.message === "string" ? body.message : fallback.message,
    ...(typeof body.field === "string" ? { field: body.field } : {}),
    ...(typeof body.requestId === "string" ? { requestId: body.requestId } : {}),
  });
}

export function fetchKey(signal?: AbortSignal): Promise<EvidenceKey> {
  return api<EvidenceKey>("/evidence/key", { auth: false, ...(signal ? { signal } : {}) });
}

/** The latest signed checkpoint note, exactly as served. */
export async function fetchCheckpointNote(signal?: AbortSignal): Promise<string> {
  return (await fetchRaw("/evidence/checkpoint", "text/plain", signal)).text();
}

/** An entry's exact bytes, the ones that were hashed into the log. */
export async function fetchRawEntry(index: number, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetchRaw(`/evidence/entries/${index}/raw`, "application/octet-stream", signal);
  return new Uint8Array(await response.arrayBuffer());
}

export function fetchProof(index: number, treeSize: number, signal?: AbortSignal): Promise<InclusionProof> {
  return api<InclusionProof>(`/evidence/entries/${index}/proof?treeSize=${treeSize}`, {
    auth: false,
    ...(signal ? { signal } : {}),
  });
}

const RECENT = 10;

/**
 * The newest checkpoints, newest first. The API pages oldest first by size, so look back from the
 * latest size in widening windows until there are enough (or the window reaches the start).
 */
async function fetchRecentCheckpoints(latestSize: number, signal: AbortSignal): Promise<CheckpointRecord[]> {
  let window = 32;
  for (;;) {
    const after = latestSize - window;
    const { items } = await api<{ items: CheckpointRecord[] }>(
      `/evidence/checkpoints?${after >= 0 ? `after=${after}&` : ""}limit=1000`,
      { auth: false, signal },
    );
    if (items.length >= RECENT || after < 0 || items.length === 1000) {
      return items.slice(-RECENT).reverse();
    }
    window *= 8;
  }
}

export function useEvidenceKey() {
  return useQuery({
    queryKey: ["evidence", "key"],
    queryFn: ({ signal }) => fetchKey(signal),
    staleTime: 5 * 60_000,
  });
}

export function useCheckpointNote() {
  return useQuery({
    queryKey: ["evidence", "checkpoint"],
    queryFn: ({ signal }) => fetchCheckpointNote(signal),
  });
}

export function useRecentCheckpoints(latestSize: number | undefined) {
  return useQuery({
    queryKey: ["evidence", "checkpoints", latestSize],
    queryFn: ({ signal }) => fetchRecentCheckpoints(latestSize ?? 0, signal),
    enabled: latestSize !== undefined,
  });
}

export function useEntry(index: number) {
  return useQuery({
    queryKey: ["evidence", "entries", index],
    queryFn: ({ signal }) => api<EvidenceEntry>(`/evidence/entries/${index}`, { auth: false, signal }),
    staleTime: Number.POSITIVE_INFINITY, // entries never change
  });
}

export function useLeafEntries(leafHash: string) {
  return useQuery({
    queryKey: ["evidence", "leaves", leafHash],
    queryFn: ({ signal }) =>
      api<{ items: EvidenceEntry[] }>(`/evidence/leaves/${encodeURIComponent(leafHash)}`, {
        auth: false,
        signal,
      }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

const TRAIL_PAGE = 1000;
const TRAIL_MAX_PAGES = 5;

export interface Trail {
  items: EvidenceEntry[];
  /** More entries exist beyond the ones fetched. */
  truncated: boolean;
}

/** The entries about a record, in log order, paged through up to a bound. */
export function useTrail(subjectId: string) {
  return useQuery({
    queryKey: ["evidence", "trail", subjectId],
    queryFn: async ({ signal }): Promise<Trail> => {
      const items: EvidenceEntry[] = [];
      let after: number | null = null;
      for (let page = 0; page < TRAIL_MAX_PAGES; page++) {
        const query: string = after === null ? "" : `after=${after}&`;
        const batch: { items: EvidenceEntry[] } = await api<{ items: EvidenceEntry[] }>(
          `/evidence/trail/${encodeURIComponent(subjectId)}?${query}limit=${TRAIL_PAGE}`,
          { auth: false, signal },
        );
        items.push(...batch.items);
        const last = batch.items.at(-1);
        if (batch.items.length < TRAIL_PAGE || !last) return { items, truncated: false };
        after = last.index;
      }
      return { items, truncated: true };
    },
  });
}
