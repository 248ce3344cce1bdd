import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import type { CatalogItem } from "../catalog/model.js";
import { useRegisteredSearch } from "./api.js";

export interface PickedResource {
  id: string;
  name: string;
  holderName: string | null;
}

/** A search box over the registered resources and a list to choose one from. */
export function ResourcePicker({ onPick }: { onPick: (resource: PickedResource) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const search = useRegisteredSearch(q);
  const items = search.data?.items ?? [];

  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    setQ(text.trim());
  };
  const pick = (item: CatalogItem) => onPick({ id: item.id, name: item.name, holderName: item.holder.name });

  return (
    <div className="source-picker">
      {/* a search inside the request form: its own form element would nest, so Enter is handled here */}
      <div className="field">
        <label htmlFor="source-search">{t("sourceRequests.form.search")}</label>
        <div className="catalog-search-row">
          <input
            id="source-search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") submit(e);
            }}
            aria-describedby="source-search-hint"
            data-testid="source-search"
          />
          <button type="button" onClick={submit} data-testid="source-search-submit">
            {t("sourceRequests.form.searchButton")}
          </button>
        </div>
        <p id="source-search-hint" className="field-hint">
          {t("sourceRequests.form.searchHint")}
        </p>
      </div>
      {search.error && <ErrorPanel error={search.error} />}
      {search.data && q && (
        <div aria-live="polite">
          {items.length === 0 ? (
            <p className="muted">{t("sourceRequests.form.noResults")}</p>
          ) : (
            <ul className="source-results" aria-label={t("sourceRequests.form.results")}>
              {items.map((item) => (
                <li key={item.id} data-testid="source-result" data-id={item.id}>
                  <span>
                    <strong>{item.name}</strong>{" "}
                    <span className="muted">
                      {t("sourceRequests.form.holder", { name: item.holder.name ?? t("common.none") })}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button-secondary button-small"
                    onClick={() => pick(item)}
                    data-testid="source-pick"
                  >
                    {t("sourceRequests.form.pick")}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
