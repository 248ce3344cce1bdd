// Shared shapes of the portal's writes: every POST carries a fresh Idempotency-Key (a retry after a
// lost answer is replayed, not repeated), and a feature's mutations refetch that feature's queries.
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, newIdempotencyKey } from "./api.js";

export const post = <R>(url: string, body?: unknown) =>
  api<R>(url, { method: "POST", body: body ?? {}, idempotencyKey: newIdempotencyKey() });

/** A mutation that, done or failed, invalidates every query under `key`. */
export function useInvalidating<V, R>(key: QueryKey, run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
