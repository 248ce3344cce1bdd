import { useTranslation } from "react-i18next";
import type { User } from "../../app/types.js";

export function UserFacts({ user }: { user: User }) {
  const { t } = useTranslation();
  const roles = user.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join("、");
  return (
    <dl className="facts">
      <dt>{t("profile.username")}</dt>
      <dd className="mono">{user.username}</dd>
      <dt>{t("profile.displayName")}</dt>
      <dd>{user.displayName || t("common.none")}</dd>
      <dt>{t("profile.roles")}</dt>
      <dd>{roles || t("common.none")}</dd>
    </dl>
  );
}
