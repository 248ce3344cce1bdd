import { useTranslation } from "react-i18next";

interface Props {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** Previous / next with "page x of y"; hidden when everything fits on one page. */
export function Pager({ page, pages, onPage }: Props) {
  const { t } = useTranslation();
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav className="catalog-pager" aria-label={t("catalog.pager.label")}>
      <button
        type="button"
        className="button-secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        data-testid="pager-previous"
      >
        {t("catalog.pager.previous")}
      </button>
      <span aria-current="page">{t("catalog.pager.page", { page, pages })}</span>
      <button
        type="button"
        className="button-secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        data-testid="pager-next"
      >
        {t("catalog.pager.next")}
      </button>
    </nav>
  );
}
