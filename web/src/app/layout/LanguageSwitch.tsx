import { useTranslation } from "react-i18next";
import { currentLanguage, type Language } from "../i18n/index.js";

const LABEL_KEYS = { "zh-CN": "lang.zhCN", en: "lang.en" } as const satisfies Record<Language, string>;

/** A select (not a toggle) so tests and screen readers can pick a language by value. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch">
      <label htmlFor="lang-switch" className="visually-hidden">
        {t("lang.label")}
      </label>
      <select
        id="lang-switch"
        data-testid="lang-switch"
        value={currentLanguage()}
        onChange={(e) => void i18n.changeLanguage(e.target.value)}
      >
        {(Object.keys(LABEL_KEYS) as Language[]).map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(LABEL_KEYS[lng])}
          </option>
        ))}
      </select>
    </div>
  );
}
