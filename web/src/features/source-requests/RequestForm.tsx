import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { SelectField } from "../../app/ui/Field.js";
import { useSubmitRequest } from "./api.js";
import { IDENTIFIER_KINDS, type IdentifierKind } from "./model.js";
import { type PickedResource, ResourcePicker } from "./ResourcePicker.js";

/**
 * Ask a holder for a copy of the data about me. The identifier's value is typed like a password
 * (never echoed, not remembered by the browser) and cleared once sent; only its mask is shown after.
 */
export function RequestForm() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const submitRequest = useSubmitRequest();
  const [resource, setResource] = useState<PickedResource | null>(null);
  const [kind, setKind] = useState<IdentifierKind>("resident_id");
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!resource || !value.trim()) return;
    submitRequest.mutate(
      {
        registrationId: resource.id,
        identifier: { kind, value: value.trim() },
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSettled: () => setValue(""),
        onSuccess: () => {
          setNote("");
          setResource(null);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="source-form-title">
      <h2 id="source-form-title">{t("sourceRequests.form.title")}</h2>
      {resource ? (
        <p data-testid="source-picked" data-id={resource.id}>
          {t("sourceRequests.form.picked", { name: resource.name })}{" "}
          {resource.holderName && (
            <span className="muted">{t("sourceRequests.form.holder", { name: resource.holderName })}</span>
          )}{" "}
          <button type="button" className="button-secondary button-small" onClick={() => setResource(null)}>
            {t("sourceRequests.form.change")}
          </button>
        </p>
      ) : (
        <ResourcePicker onPick={setResource} />
      )}
      <form className="form" onSubmit={submit} data-testid="source-form" autoComplete="off">
        <SelectField
          id="source-kind"
          label={t("sourceRequests.form.kind")}
          value={kind}
          onValue={(v) => setKind(v as IdentifierKind)}
          options={IDENTIFIER_KINDS.map((k) => ({
            value: k,
            label: t(`sourceRequests.identifierKind.${k}`),
          }))}
          testId="source-kind"
        />
        <div className="field">
          <label htmlFor="source-value">{t("sourceRequests.form.value")}</label>
          <input
            id="source-value"
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            maxLength={200}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-describedby="source-value-hint"
            data-testid="source-value"
          />
          <p id="source-value-hint" className="field-hint">
            {t("sourceRequests.form.valueHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor="source-note">{t("sourceRequests.form.note")}</label>
          <textarea
            id="source-note"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-describedby="source-note-hint"
            data-testid="source-note"
          />
          <p id="source-note-hint" className="field-hint">
            {t("sourceRequests.form.noteHint")}
          </p>
        </div>
        {!resource && <p className="field-hint">{t("sourceRequests.form.pickFirst")}</p>}
        {submitRequest.error && <ErrorPanel error={submitRequest.error} />}
        {submitRequest.isSuccess && (
          <p className="notice notice-success" role="status" data-testid="source-submitted">
            {t("sourceRequests.form.submitted", { date: formatDateTime(submitRequest.data.deadlineAt) })}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            disabled={!resource || !value.trim() || submitRequest.isPending}
            data-testid="source-submit"
          >
            {submitRequest.isPending ? t("sourceRequests.form.submitting") : t("sourceRequests.form.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
