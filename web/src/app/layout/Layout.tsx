// The shell every page sits in: top bar (brand, nav, language, user) and the page below.
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import type { Feature } from "../feature.js";
import { LanguageSwitch } from "./LanguageSwitch.js";
import { NavBar } from "./NavBar.js";
import { UserMenu } from "./UserMenu.js";

export function Layout({ features }: { features: Feature[] }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          {t("app.brand")}
        </Link>
        <NavBar features={features} />
        <div className="topbar-tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}
