// i18next set-up: zh-CN by default, the choice kept in localStorage and mirrored to <html lang>.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.js";
import zhCN from "./zh-CN.js";

export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "yaosu.lang";

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.find((l) => l === value) ?? "zh-CN";
  } catch {
    return "zh-CN";
  }
}

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  document.title = i18n.t("app.title");
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}

i18n.on("languageChanged", applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "zh-CN",
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

export function currentLanguage(): Language {
  return LANGUAGES.find((l) => l === i18n.resolvedLanguage) ?? "zh-CN";
}

export default i18n;
