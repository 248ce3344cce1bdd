import { useTranslation } from "react-i18next";
import { useValueLabel } from "./labels.js";
import { FACET_NAMES, type FacetName, type SearchAnswer } from "./model.js";
import type { Filters } from "./query.js";

interface Props {
  facets: SearchAnswer["facets"] | undefined;
  filters: Filters;
  onToggle: (facet: FacetName, value: string) => void;
  onClear: () => void;
}

/**
 * One group of checkboxes per facet, each value with its count over the current result set. A
 * chosen value stays listed even when nothing matches it any more, so it can be unchosen.
 */
export function FacetPanel({ facets, filters, onToggle, onClear }: Props) {
  const { t } = useTranslation();
  const label = useValueLabel();
  const any = FACET_NAMES.some((f) => filters[f].length > 0);
  return (
    <aside className="catalog-facets" aria-labelledby="catalog-facets-title" data-testid="catalog-facets">
      <h2 id="catalog-facets-title">{t("catalog.filtersTitle")}</h2>
      {any && (
        <button
          type="button"
          className="button-secondary button-small"
          onClick={onClear}
          data-testid="facet-clear"
        >
          {t("catalog.clearFilters")}
        </button>
      )}
      {FACET_NAMES.map((facet) => {
        const counted = (facets?.[facet] ?? []).filter((v) => v.value !== "");
        const chosenOnly = filters[facet]
          .filter((v) => !counted.some((c) => c.value === v))
          .map((value) => ({ value, count: 0 }));
        const values = [...counted, ...chosenOnly];
        if (values.length === 0) return null;
        return (
          <fieldset key={facet} className="catalog-facet" data-facet={facet}>
            <legend>{t(`catalog.facet.${facet}`)}</legend>
            <ul>
              {values.map(({ value, count }) => {
                const id = `facet-${facet}-${value}`;
                return (
                  <li key={value}>
                    <input
                      type="checkbox"
                      id={id}
                      checked={filters[facet].includes(value)}
                      onChange={() => onToggle(facet, value)}
                      data-testid={id}
                    />
                    <label htmlFor={id}>
                      {t("catalog.facetCount", { label: label(facet, value), count })}
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </aside>
  );
}
