import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, newIdempotencyKey } from "../../app/api.js";
import { errorField, errorText } from "../../app/i18n/errors.js";
import type { Participant, ParticipantType } from "../../app/types.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { AdminFields } from "./AdminFields.js";
import { ApplyResult } from "./ApplyResult.js";
import {
  type ApplyForm,
  emptyApplyForm,
  offersServiceKinds,
  type SetField,
  toApplyRequest,
  usesResidentId,
} from "./form.js";
import { ParticipantFields } from "./ParticipantFields.js";

/** Request fields this form shows, so a server error naming one of them is shown beside it. */
const SHOWN_FIELDS = [
  "type",
  "name",
  "uscc",
  "residentId",
  "region",
  "contactEmail",
  "contactPhone",
  "serviceKinds",
  "admin.username",
  "admin.password",
  "admin.displayName",
];

export function ApplyPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<ApplyForm>(emptyApplyForm);
  const set: SetField = (key) => (value) => setForm((f) => ({ ...f, [key]: value }));

  const apply = useMutation({
    mutationFn: () =>
      api<Participant>("/participants", {
        method: "POST",
        auth: false,
        body: toApplyRequest(form),
        idempotencyKey: newIdempotencyKey(),
      }),
  });

  if (apply.data) {
    return (
      <ApplyResult
        participant={apply.data}
        onAnother={() => {
          apply.reset();
          setForm(emptyApplyForm);
        }}
      />
    );
  }

  const field = errorField(apply.error);
  const shownField = SHOWN_FIELDS.find((f) => field === f || field?.startsWith(`${f}.`));
  const visible = shownField !== undefined && isFieldVisible(shownField, form.type);
  const errorOn = (name: string) => (visible && shownField === name ? errorText(t, apply.error) : undefined);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply.mutate();
  };

  return (
    <section className="card">
      <h1>{t("apply.title")}</h1>
      <p className="muted">{t("apply.intro")}</p>
      <form onSubmit={onSubmit} className="form">
        <ParticipantFields form={form} set={set} errorOn={errorOn} />
        <AdminFields form={form} set={set} errorOn={errorOn} />
        {apply.error && !visible && <ErrorPanel error={apply.error} />}
        <button type="submit" disabled={apply.isPending} data-testid="apply-submit">
          {apply.isPending ? t("apply.submitting") : t("apply.submit")}
        </button>
      </form>
    </section>
  );
}

function isFieldVisible(field: string, type: ParticipantType): boolean {
  if (field === "uscc") return !usesResidentId(type);
  if (field === "residentId") return usesResidentId(type);
  if (field === "serviceKinds") return offersServiceKinds(type);
  return true;
}
