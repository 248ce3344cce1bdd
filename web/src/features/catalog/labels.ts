// Names of facet values in the current language. Values come from the API as plain strings, so
// they are looked up in the messages directly (an unknown value shows as itself, never blank).
import { useTranslation } from "react-i18next";
import { catalogMessages } from "./messages.js";
import type { FacetName } from "./model.js";
import { regionName } from "./regions.js";

export type ValueLabel = (facet: FacetName, value: string | null | undefined) => string;

export function valueLabel(language: string): ValueLabel {
  const messages = language.startsWith("zh") ? catalogMessages["zh-CN"] : catalogMessages.en;
  return (facet, value) => {
    if (value === null || value === undefined || value === "") return "—";
    if (facet === "region") return regionName(value, language);
    return messages.values[facet][value] ?? value;
  };
}

export function useValueLabel(): ValueLabel {
  const { i18n } = useTranslation();
  return valueLabel(i18n.resolvedLanguage ?? "zh-CN");
}
