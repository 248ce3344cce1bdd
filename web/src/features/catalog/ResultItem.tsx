import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatDateTime } from "../../app/format.js";
import { Highlight } from "./Highlight.js";
import { useValueLabel } from "./labels.js";
import type { CatalogItem } from "./model.js";

/** One registry entry: name, holder, badges, where it belongs, and its certificate when registered. */
export function ResultItem({ item, words }: { item: CatalogItem; words: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const label = useValueLabel();
  const formatDate = useFormatDateTime();
  const holder = item.holder.name ?? t("catalog.holderIndividual");
  const rows =
    item.volumeRows === null ? null : new Intl.NumberFormat(i18n.resolvedLanguage).format(item.volumeRows);
  return (
    <li className="catalog-item" data-testid="catalog-item" data-id={item.id} data-status={item.status}>
      <article aria-labelledby={`catalog-item-${item.id}`}>
        <h3 id={`catalog-item-${item.id}`}>
          <Highlight text={item.name} words={words} />
        </h3>
        <p className="catalog-badges">
          <span className={`badge badge-class-${item.originClass}`}>{label("class", item.originClass)}</span>
          <span className={`badge badge-grade-${item.grade}`}>{label("grade", item.grade)}</span>
          <span className={`badge badge-catalog-${item.status}`}>{label("status", item.status)}</span>
          {item.sensitivePersonal && <span className="badge badge-sensitive">{t("catalog.sensitive")}</span>}
        </p>
        {item.description && (
          <p className="catalog-description">
            <Highlight text={item.description} words={words} />
          </p>
        )}
        <dl className="facts catalog-facts">
          <dt>{t("catalog.holder")}</dt>
          <dd data-testid="catalog-item-holder">
            <Highlight text={holder} words={words} />
          </dd>
          {item.sourceUnit && (
            <>
              <dt>{t("catalog.sourceUnit")}</dt>
              <dd>{item.sourceUnit}</dd>
            </>
          )}
          <dt>{t("catalog.industry")}</dt>
          <dd>{label("industry", item.industry)}</dd>
          <dt>{t("catalog.region")}</dt>
          <dd>{label("region", item.region)}</dd>
          <dt>{t("catalog.format")}</dt>
          <dd>{label("format", item.format)}</dd>
          {rows && (
            <>
              <dt>{t("catalog.volumeRows")}</dt>
              <dd>{t("catalog.rows", { rows })}</dd>
            </>
          )}
          {item.keywords.length > 0 && (
            <>
              <dt>{t("catalog.keywords")}</dt>
              <dd className="catalog-keywords">
                {item.keywords.map((k) => (
                  <span key={k} className="catalog-keyword">
                    <Highlight text={k} words={words} />
                  </span>
                ))}
              </dd>
            </>
          )}
          <dt>{t("catalog.registrationNumber")}</dt>
          <dd>
            {item.registrationNumber ? (
              <Link
                className="mono"
                to={`/certificates/${encodeURIComponent(item.registrationNumber)}`}
                data-testid="catalog-item-number"
              >
                {item.registrationNumber}
              </Link>
            ) : (
              <span className="muted">
                {t("catalog.noNumberYet")}
                {item.noticeEndsAt &&
                  ` · ${t("catalog.noticeEnds", { date: formatDate(item.noticeEndsAt) })}`}
              </span>
            )}
          </dd>
        </dl>
        {item.cancelled && (
          <p className="notice">
            {t("catalog.cancelled", { reason: item.cancelReason ?? t("common.none") })}
          </p>
        )}
        {item.status === "registered" && (
          <p>
            <Link to={`/quality?registration=${item.id}`} data-testid="catalog-item-quality">
              {t("nav.quality")}
            </Link>
          </p>
        )}
        <p className="muted catalog-published">
          {t("catalog.publishedAt", { date: formatDate(item.publishedAt) })}
        </p>
      </article>
    </li>
  );
}
