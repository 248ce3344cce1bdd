import { useTranslation } from "react-i18next";
import { TextField } from "../../app/ui/Field.js";
import type { ApplyFieldsProps } from "./form.js";

export function AdminFields({ form, set, errorOn }: ApplyFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend>{t("apply.adminSection")}</legend>
      <TextField
        id="apply-username"
        testId="apply-username"
        label={t("apply.username")}
        value={form.username}
        onValue={set("username")}
        error={errorOn("admin.username")}
        autoComplete="username"
        required
      />
      <TextField
        id="apply-password"
        testId="apply-password"
        type="password"
        label={t("apply.password")}
        hint={t("apply.passwordHint")}
        value={form.password}
        onValue={set("password")}
        error={errorOn("admin.password")}
        autoComplete="new-password"
        required
      />
      <TextField
        id="apply-display-name"
        testId="apply-display-name"
        label={t("apply.displayName")}
        value={form.displayName}
        onValue={set("displayName")}
        error={errorOn("admin.displayName")}
        autoComplete="nickname"
      />
    </fieldset>
  );
}
