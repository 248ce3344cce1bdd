import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useAuth } from "../auth.js";
import type { Feature, NavEntry } from "../feature.js";

export function NavBar({ features }: { features: Feature[] }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const entries = features
    .map((f) => f.nav)
    .filter((n): n is NavEntry => n !== undefined && (n.visible?.(auth) ?? true))
    .sort((a, b) => a.order - b.order);

  return (
    <nav className="nav" aria-label={t("app.mainNav")}>
      <ul>
        {entries.map((entry) => (
          <li key={entry.to}>
            <NavLink to={entry.to} end={entry.end ?? false} data-testid={`nav-${entry.labelKey}`}>
              {t(`nav.${entry.labelKey}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
