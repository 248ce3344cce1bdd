import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CatalogSort, SORTS } from "./model.js";

interface Props {
  q: string;
  sort: CatalogSort | "";
  onSearch: (q: string) => void;
  onSort: (sort: CatalogSort | "") => void;
}

/** The search box (in a <search> landmark) and the sort order. Remount with key={q} to resync. */
export function SearchForm({ q, sort, onSearch, onSort }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <search>
      <form className="catalog-search" onSubmit={submit}>
        <div className="field catalog-search-box">
          <label htmlFor="catalog-q">{t("catalog.searchLabel")}</label>
          <span className="catalog-search-row">
            <input
              id="catalog-q"
              type="search"
              value={text}
              maxLength={200}
              placeholder={t("catalog.searchPlaceholder")}
              onChange={(e) => setText(e.target.value)}
              data-testid="catalog-q"
            />
            <button type="submit" className="button" data-testid="catalog-submit">
              {t("catalog.searchButton")}
            </button>
          </span>
        </div>
        <div className="field catalog-sort">
          <label htmlFor="catalog-sort">{t("catalog.sortLabel")}</label>
          <select
            id="catalog-sort"
            value={sort}
            onChange={(e) => onSort(SORTS.find((s) => s === e.target.value) ?? "")}
            data-testid="catalog-sort"
          >
            <option value="">{t("catalog.sort.auto")}</option>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`catalog.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
    </search>
  );
}
