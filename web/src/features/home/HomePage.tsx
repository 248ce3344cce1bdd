import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAuth } from "../../app/auth.js";
import { isOperator } from "../../app/types.js";

export function HomePage() {
  const { user } = useAuth();
  return user ? <Welcome /> : <Guest />;
}

function Welcome() {
  const { t } = useTranslation();
  const { user, participant } = useAuth();
  if (!user) return null;
  const roles = user.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join("、");
  return (
    <section className="card" data-testid="home-welcome">
      <h1>{t("home.welcome", { name: user.displayName || user.username })}</h1>
      {participant && (
        <p>
          {t("home.youAre", {
            participant: participant.name,
            type: t(`participantType.${participant.type}`, { defaultValue: participant.type }),
          })}
        </p>
      )}
      <p>{t("home.roles", { roles })}</p>
      <h2>{t("home.linksTitle")}</h2>
      <ul className="link-list">
        <li>
          <Link to="/catalog">{t("catalog.browse")}</Link>
        </li>
        <li>
          <Link to="/participants/me">{t("nav.myParticipant")}</Link>
        </li>
        {isOperator(participant) && (
          <li>
            <Link to="/admissions">{t("nav.admissions")}</Link>
          </li>
        )}
      </ul>
    </section>
  );
}

function Guest() {
  const { t } = useTranslation();
  return (
    <section className="hero">
      <p className="hero-kicker">{t("app.tagline")}</p>
      <h1>{t("home.guestTitle")}</h1>
      <p>{t("home.guestBody")}</p>
      <div className="actions">
        <Link to="/login" className="button">
          {t("home.guestLogin")}
        </Link>
        <Link to="/apply" className="button button-secondary">
          {t("home.guestApply")}
        </Link>
        <Link to="/catalog" className="button button-secondary" data-testid="home-catalog">
          {t("catalog.browse")}
        </Link>
      </div>
    </section>
  );
}
