import { useTranslation } from "react-i18next";
import type { Right } from "./model.js";

/** Dates without the time, in the current language. */
export function useFormatDate(): (iso: string | null | undefined) => string {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? "zh-CN", { dateStyle: "medium" });
  return (iso) => {
    if (!iso) return t("common.none");
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

/** "2026-01-01 to 2030-12-31" or "from 2026-01-01, open-ended". */
export function useTermText(): (term: Pick<Right, "termStart" | "termEnd">) => string {
  const { t } = useTranslation();
  const date = useFormatDate();
  return ({ termStart, termEnd }) =>
    termEnd === null
      ? t("rights.field.termOpen", { start: date(termStart) })
      : t("rights.field.termRange", { start: date(termStart), end: date(termEnd) });
}

/** Fen → "12,500.00" in the current language. */
export function useFormatYuan(): (fen: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.resolvedLanguage ?? "zh-CN", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return (fen) => format.format(fen / 100);
}
