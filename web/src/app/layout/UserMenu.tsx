import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useAuth } from "../auth.js";

export function UserMenu() {
  const { t } = useTranslation();
  const { user, participant, signOut } = useAuth();
  const navigate = useNavigate();

  if (!user) {
    return (
      <Link to="/login" className="button button-small" data-testid="login-link">
        {t("user.login")}
      </Link>
    );
  }

  const onLogout = async () => {
    await signOut();
    navigate("/login", { replace: true });
  };

  return (
    <section className="user-menu" aria-label={t("user.menu")}>
      <Link to="/participants/me" className="whoami" data-testid="whoami" data-username={user.username}>
        <span className="whoami-user">
          {user.displayName ? `${user.displayName} (${user.username})` : user.username}
        </span>
        {participant && <span className="whoami-participant">{participant.name}</span>}
      </Link>
      <button type="button" className="button-secondary button-small" onClick={onLogout} data-testid="logout">
        {t("user.logout")}
      </button>
    </section>
  );
}
