import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useCatalogSearch } from "./api.js";
import { FacetPanel } from "./FacetPanel.js";
import { DCAT_URL } from "./model.js";
import { Pager } from "./Pager.js";
import {
  type CatalogQuery,
  clearFilters,
  hasFilters,
  pageCount,
  parseQuery,
  toggleFilter,
  toSearchParams,
} from "./query.js";
import { ResultItem } from "./ResultItem.js";
import { SearchForm } from "./SearchForm.js";

/**
 * /catalog, public (PR-3 published and searchable, PD-2 open catalog): search, facets and pages of
 * the public registry. The URL is the state, so any view can be bookmarked or shared.
 */
export function CatalogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = parseQuery(params);
  const search = useCatalogSearch(query);
  const go = (next: CatalogQuery) => setParams(toSearchParams(next));

  const answer = search.data;
  const words = answer?.words ?? [];
  const pages = pageCount(answer?.total ?? 0);
  const filtered = query.q !== "" || hasFilters(query);

  return (
    <section className="card catalog" data-testid="catalog-page">
      <h1>{t("catalog.title")}</h1>
      <p className="muted">{t("catalog.intro")}</p>
      <SearchForm
        key={query.q}
        q={query.q}
        sort={query.sort}
        onSearch={(q) => go({ ...query, q, page: 1 })}
        onSort={(sort) => go({ ...query, sort, page: 1 })}
      />
      <div className="catalog-layout">
        <FacetPanel
          facets={answer?.facets}
          filters={query.filters}
          onToggle={(facet, value) => go(toggleFilter(query, facet, value))}
          onClear={() => go(clearFilters(query))}
        />
        <div className="catalog-results" aria-busy={search.isFetching}>
          <p
            className="catalog-count"
            aria-live="polite"
            data-testid="catalog-count"
            data-total={answer?.total}
          >
            {search.isPending && t("catalog.loading")}
            {answer &&
              (query.q
                ? t("catalog.resultCountFor", { q: query.q, count: answer.total })
                : t("catalog.resultCount", { count: answer.total }))}
          </p>
          {search.error && <ErrorPanel error={search.error} onRetry={() => void search.refetch()} />}
          {answer && answer.items.length === 0 && (
            <p className="muted" data-testid="catalog-empty">
              {filtered ? t("catalog.emptyQuery") : t("catalog.empty")}
            </p>
          )}
          {answer && answer.items.length > 0 && (
            <ol className="catalog-list" aria-label={t("catalog.resultsLabel")}>
              {answer.items.map((item) => (
                <ResultItem key={item.id} item={item} words={words} />
              ))}
            </ol>
          )}
          <Pager page={query.page} pages={pages} onPage={(page) => go({ ...query, page })} />
        </div>
      </div>
      <p className="catalog-dcat">
        <a href={DCAT_URL} type="application/ld+json" data-testid="catalog-dcat">
          {t("catalog.dcat")}
        </a>
        <span className="muted"> — {t("catalog.dcatHint")}</span>
      </p>
    </section>
  );
}
