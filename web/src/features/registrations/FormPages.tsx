import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useCreateDraft, useRegistration, useUpdateDraft } from "./api.js";
import type { DraftInput } from "./model.js";
import { RegistrationForm } from "./RegistrationForm.js";

/**
 * /registrations/new. Initial values may come in the navigation state as `{ draft }` (e.g. from a
 * node dataset's registration draft), so other pages can open the form pre-filled.
 */
export function NewRegistrationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const initial = (location.state as { draft?: DraftInput } | null)?.draft;
  const create = useCreateDraft();

  return (
    <section className="card">
      <Link to="/registrations">{t("registrations.detail.backToMine")}</Link>
      <h1>{t("registrations.form.createTitle")}</h1>
      {initial && <p className="notice">{t("registrations.form.fromDataset")}</p>}
      <RegistrationForm
        initial={initial}
        pending={create.isPending}
        error={create.error}
        onSave={(body) =>
          create.mutate(body, { onSuccess: (saved) => navigate(`/registrations/${saved.id}`) })
        }
      />
    </section>
  );
}

/** /registrations/:id/edit: the holder's draft, saved with PATCH. */
export function EditRegistrationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const registration = useRegistration(id);
  const update = useUpdateDraft();

  return (
    <section className="card">
      <Link to={`/registrations/${id}`}>{t("registrations.form.back")}</Link>
      <h1>{t("registrations.form.editTitle")}</h1>
      {registration.isPending && <p className="muted">{t("common.loading")}</p>}
      {registration.error && <ErrorPanel error={registration.error} />}
      {registration.data && (
        <RegistrationForm
          initial={registration.data}
          pending={update.isPending}
          error={update.error}
          onSave={(body) =>
            update.mutate({ id, body }, { onSuccess: () => navigate(`/registrations/${id}`) })
          }
        />
      )}
    </section>
  );
}
