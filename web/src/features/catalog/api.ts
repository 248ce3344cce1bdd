// The public catalog search as a TanStack Query hook. The previous page's answer stays on screen
// while the next one loads, so facets and results do not flash away on every click.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../app/api.js";
import type { SearchAnswer } from "./model.js";
import { type CatalogQuery, toApiPath } from "./query.js";

export function useCatalogSearch(query: CatalogQuery) {
  const path = toApiPath(query);
  return useQuery({
    queryKey: ["catalog", "search", path],
    queryFn: ({ signal }) => api<SearchAnswer>(path, { signal, auth: false }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
