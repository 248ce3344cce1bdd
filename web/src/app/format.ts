import { useTranslation } from "react-i18next";

/** Formats ISO timestamps in the current language; null shows a dash. */
export function useFormatDateTime(): (iso: string | null | undefined) => string {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? "zh-CN", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  return (iso) => {
    if (!iso) return t("common.none");
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}
