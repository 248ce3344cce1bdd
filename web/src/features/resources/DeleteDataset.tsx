import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useDeleteDataset } from "./api.js";
import type { Dataset } from "./model.js";

/** Delete with an explicit second step (an inline confirmation, not window.confirm: testable, accessible). */
export function DeleteDataset({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteDataset();
  const [asking, setAsking] = useState(false);

  if (!asking)
    return (
      <button
        type="button"
        className="button-danger-outline"
        onClick={() => setAsking(true)}
        data-testid="delete-dataset"
      >
        {t("resources.delete.button")}
      </button>
    );
  return (
    <div
      className="notice notice-error"
      role="alertdialog"
      aria-labelledby="delete-question"
      data-testid="delete-confirm"
    >
      <p id="delete-question">{t("resources.delete.confirm", { name: dataset.name })}</p>
      {remove.error && <ErrorPanel error={remove.error} />}
      <div className="actions">
        <button
          type="button"
          className="button-danger"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate(dataset.id, {
              onSuccess: () => navigate("/resources", { state: { deleted: dataset.name } }),
            })
          }
          data-testid="delete-yes"
        >
          {t("resources.delete.yes")}
        </button>
        <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </div>
  );
}
