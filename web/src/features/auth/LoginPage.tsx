import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { api } from "../../app/api.js";
import { useAuth } from "../../app/auth.js";
import type { LoginResponse } from "../../app/types.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { TextField } from "../../app/ui/Field.js";

/** Only same-site paths, so ?next= cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const expired = (location.state as { expired?: boolean } | null)?.expired === true;

  const login = useMutation({
    mutationFn: () =>
      api<LoginResponse>("/auth/login", { method: "POST", auth: false, body: { username, password } }),
    onSuccess: (response) => {
      signIn(response);
      navigate(safeNext(params.get("next")), { replace: true });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <section className="card card-narrow">
      <h1>{t("login.title")}</h1>
      {expired && !login.error && <p className="notice">{t("login.sessionExpired")}</p>}
      <form onSubmit={onSubmit} className="form">
        <TextField
          id="login-username"
          testId="login-username"
          label={t("login.username")}
          value={username}
          onValue={setUsername}
          autoComplete="username"
          required
        />
        <TextField
          id="login-password"
          testId="login-password"
          type="password"
          label={t("login.password")}
          value={password}
          onValue={setPassword}
          autoComplete="current-password"
          required
        />
        {login.error && <ErrorPanel error={login.error} />}
        <button type="submit" disabled={login.isPending} data-testid="login-submit">
          {login.isPending ? t("login.submitting") : t("login.submit")}
        </button>
      </form>
      <p className="muted">
        {t("login.noAccount")} <Link to="/apply">{t("login.applyLink")}</Link>
      </p>
    </section>
  );
}
