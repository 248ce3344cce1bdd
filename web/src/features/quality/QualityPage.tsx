import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useAuth } from "../../app/auth.js";
import { FeedbackLists } from "./FeedbackLists.js";
import { REGISTRATION_ID } from "./model.js";
import { ResourceQuality } from "./ResourceQuality.js";

/**
 * /quality[?registration=reg_…]: with a resource, its public counts and the form to file feedback;
 * signed in, my feedback (filed and received) with the next steps, and the overseers' lists.
 */
export function QualityPage() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const [params] = useSearchParams();
  const raw = params.get("registration") ?? "";
  const registration = REGISTRATION_ID.test(raw) ? raw : undefined;

  return (
    <div className="page-stack">
      <section className="card">
        <h1>{t("quality.title")}</h1>
        <p className="muted">{t("quality.intro")}</p>
        {!registration && (
          <p>
            {t("quality.resource.choose")} <Link to="/catalog">{t("quality.resource.toCatalog")}</Link>
          </p>
        )}
      </section>
      {registration && <ResourceQuality registrationId={registration} />}
      {session && <FeedbackLists {...(registration ? { registration } : {})} />}
    </div>
  );
}
