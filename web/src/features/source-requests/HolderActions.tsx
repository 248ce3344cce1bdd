import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { SelectField, TextField } from "../../app/ui/Field.js";
import { TextStep } from "../quality/TextStep.js";
import { useRegistrationBrief } from "../rights/names.js";
import { useFulfilRequest, useRefuseRequest } from "./api.js";
import { COPY_FORMATS, type CopyFormat, type SourceRequest } from "./model.js";

const OTHER = "__other__";

/**
 * The holder's answer to an open request: fulfil on its node (which column holds the identifier,
 * which format) or refuse with a reason the requester will read.
 */
export function HolderActions({ request }: { request: SourceRequest }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<"fulfil" | "refuse" | null>(null);
  const refuse = useRefuseRequest();
  if (request.status !== "submitted") return null;
  return (
    <div className="source-holder-actions">
      {open === null && (
        <div className="row-actions">
          <button type="button" onClick={() => setOpen("fulfil")} data-testid="source-fulfil">
            {t("sourceRequests.holder.fulfil")}
          </button>
          <button
            type="button"
            className="button-danger-outline"
            onClick={() => setOpen("refuse")}
            data-testid="source-refuse"
          >
            {t("sourceRequests.holder.refuse")}
          </button>
        </div>
      )}
      {open === "fulfil" && <FulfilForm request={request} onDone={() => setOpen(null)} />}
      {open === "refuse" && (
        <TextStep
          label={t("sourceRequests.holder.refuseReason")}
          hint={t("sourceRequests.holder.refuseHint")}
          confirmLabel={t("sourceRequests.holder.refuseSubmit")}
          pending={refuse.isPending}
          onCancel={() => setOpen(null)}
          onConfirm={(reason) =>
            refuse.mutate({ id: request.id, reason }, { onSuccess: () => setOpen(null) })
          }
          testId="source-refuse-form"
        />
      )}
      {refuse.error && <ErrorPanel error={refuse.error} />}
    </div>
  );
}

function FulfilForm({ request, onDone }: { request: SourceRequest; onDone: () => void }) {
  const { t } = useTranslation();
  const fulfil = useFulfilRequest();
  const registration = useRegistrationBrief(request.registrationId);
  const columns = (registration.data?.fields ?? []).map((f) => f.name);
  const [choice, setChoice] = useState("");
  const [typed, setTyped] = useState("");
  const [format, setFormat] = useState<CopyFormat>("csv");
  const selected = choice || (columns[0] ?? OTHER);
  const column = selected === OTHER ? typed.trim() : selected;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (column) fulfil.mutate({ id: request.id, body: { column, format } }, { onSuccess: onDone });
  };

  return (
    <form className="reject-form" onSubmit={submit} data-testid="source-fulfil-form">
      <SelectField
        id={`fulfil-column-${request.id}`}
        label={t("sourceRequests.holder.column")}
        hint={t("sourceRequests.holder.columnHint")}
        value={selected}
        onValue={setChoice}
        options={[
          ...columns.map((c) => ({ value: c, label: c })),
          { value: OTHER, label: t("sourceRequests.holder.columnOther") },
        ]}
        testId="source-fulfil-column"
      />
      {selected === OTHER && (
        <TextField
          id={`fulfil-column-name-${request.id}`}
          label={t("sourceRequests.holder.columnName")}
          value={typed}
          onValue={setTyped}
          required
          testId="source-fulfil-column-name"
        />
      )}
      <SelectField
        id={`fulfil-format-${request.id}`}
        label={t("sourceRequests.holder.format")}
        value={format}
        onValue={(v) => setFormat(v as CopyFormat)}
        options={COPY_FORMATS.map((f) => ({ value: f, label: t(`sourceRequests.format.${f}`) }))}
        testId="source-fulfil-format"
      />
      {fulfil.error && <ErrorPanel error={fulfil.error} />}
      <div className="actions">
        <button type="submit" disabled={!column || fulfil.isPending} data-testid="source-fulfil-confirm">
          {fulfil.isPending ? t("sourceRequests.holder.fulfilling") : t("sourceRequests.holder.fulfilSubmit")}
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          {t("sourceRequests.holder.cancel")}
        </button>
      </div>
    </form>
  );
}
