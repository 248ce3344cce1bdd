// Number formats of the resources pages, in the current language.
import { useTranslation } from "react-i18next";

export function useNumbers() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? "zh-CN";
  const int = new Intl.NumberFormat(lang);
  const pct = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  return {
    int: (n: number) => int.format(n),
    pct: (ratio: number | null | undefined) =>
      ratio === null || ratio === undefined ? "—" : pct.format(ratio),
    bytes: (n: number) => formatBytes(n, lang),
  };
}

export function formatBytes(n: number, lang = "en"): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
