import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useRegistrationAction } from "./api.js";
import type { Registration } from "./model.js";
import { ReasonForm } from "./ReasonForm.js";
import { RegistrationError } from "./RegistrationError.js";

/** The holder's steps: edit and submit a draft; cancel a registered resource (注销登记) with a reason. */
export function HolderActions({ registration: r }: { registration: Registration }) {
  const { t } = useTranslation();
  const act = useRegistrationAction();
  const [cancelling, setCancelling] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  if (r.status !== "draft" && r.status !== "registered") return null;
  return (
    <div className="reg-actions" data-testid="holder-actions">
      {act.error && <RegistrationError error={act.error} />}
      {done && (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      )}
      {r.status === "draft" && (
        <div className="actions">
          <Link to={`/registrations/${r.id}/edit`} className="button button-secondary" data-testid="reg-edit">
            {t("registrations.holder.edit")}
          </Link>
          <button
            type="button"
            disabled={act.isPending}
            data-testid="reg-submit"
            onClick={() =>
              act.mutate(
                { id: r.id, action: "submit" },
                { onSuccess: () => setDone(t("registrations.holder.submitted")) },
              )
            }
          >
            {t("registrations.holder.submit")}
          </button>
        </div>
      )}
      {r.status === "registered" && !cancelling && (
        <div className="actions">
          <button
            type="button"
            className="button-danger-outline"
            onClick={() => setCancelling(true)}
            data-testid="reg-cancel"
          >
            {t("registrations.holder.cancel")}
          </button>
        </div>
      )}
      {r.status === "registered" && cancelling && (
        <ReasonForm
          label={t("registrations.holder.cancelReason")}
          hint={t("registrations.holder.cancelReasonHint")}
          confirmLabel={t("registrations.holder.cancelConfirm")}
          danger
          pending={act.isPending}
          testId="reg-cancel-form"
          onCancel={() => setCancelling(false)}
          onConfirm={(reason) =>
            act.mutate(
              { id: r.id, action: "cancel", reason },
              {
                onSuccess: () => {
                  setCancelling(false);
                  setDone(t("registrations.holder.cancelled"));
                },
              },
            )
          }
        />
      )}
    </div>
  );
}
