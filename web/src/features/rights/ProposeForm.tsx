import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useAuth } from "../../app/auth.js";
import { errorField } from "../../app/i18n/errors.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { SelectField, TextField } from "../../app/ui/Field.js";
import { usePropose } from "./api.js";
import {
  type ContractKind,
  GRANTABLE,
  PARTICIPANT_ID,
  type Proposal,
  type Right,
  type RightKind,
} from "./model.js";
import { yuanToFen } from "./money.js";
import { ParticipantPicker } from "./ParticipantPicker.js";

/** The holder offers a grant (a derived right) or a transfer of this right; then the contract page. */
export function ProposeForm({ right }: { right: Right }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { participant } = useAuth();
  const propose = usePropose();
  const grantable = GRANTABLE[right.kind];
  const [kind, setKind] = useState<ContractKind>(grantable.length > 0 ? "grant" : "transfer");
  const [rightKind, setRightKind] = useState<RightKind | "">(grantable[0] ?? "");
  const [counterparty, setCounterparty] = useState("");
  const [scope, setScope] = useState("");
  const [termEnd, setTermEnd] = useState("");
  const [price, setPrice] = useState("");
  const fen = price.trim() === "" ? undefined : yuanToFen(price);
  const serverField = errorField(propose.error);
  const shownAtField = ["rightKind", "counterpartyParticipantId", "scope", "termEnd", "priceFen"].includes(
    serverField ?? "",
  );
  const fieldError = (name: string) =>
    serverField === name && propose.error ? propose.error.message : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!PARTICIPANT_ID.test(counterparty) || fen === null) return;
    const body: Proposal = {
      kind,
      counterpartyParticipantId: counterparty,
      ...(fen === undefined ? {} : { priceFen: fen }),
      ...(kind === "grant"
        ? {
            rightKind: rightKind || undefined,
            scope: scope.trim(),
            // a date is the end of that day in China, where the exchange's contracts are made
            ...(termEnd ? { termEnd: `${termEnd}T23:59:59+08:00` } : {}),
          }
        : {}),
    };
    propose.mutate({ rightId: right.id, body }, { onSuccess: (c) => navigate(`/rights/contracts/${c.id}`) });
  };

  return (
    <section className="card" aria-labelledby="propose-title">
      <h2 id="propose-title">{t("rights.propose.title")}</h2>
      <p className="muted">{t("rights.propose.intro")}</p>
      <form className="form" onSubmit={submit} data-testid="propose-form" noValidate>
        <fieldset className="checkbox-group">
          <legend>{t("rights.propose.kind")}</legend>
          {(["grant", "transfer"] as const).map((k) => (
            <label key={k} className="checkbox">
              <input
                type="radio"
                name="contract-kind"
                value={k}
                checked={kind === k}
                disabled={k === "grant" && grantable.length === 0}
                onChange={() => setKind(k)}
                data-testid={`propose-kind-${k}`}
              />
              {t(`rights.contractKind.${k}`)}
            </label>
          ))}
        </fieldset>
        {grantable.length === 0 && <p className="muted">{t("rights.propose.nothingGrantable")}</p>}
        {kind === "grant" && (
          <SelectField
            id="propose-right-kind"
            label={t("rights.propose.rightKind")}
            value={rightKind}
            onValue={(v) => setRightKind(v as RightKind)}
            options={grantable.map((k) => ({ value: k, label: t(`rights.kind.${k}`) }))}
            error={fieldError("rightKind")}
            testId="propose-right-kind"
          />
        )}
        <ParticipantPicker
          id="propose-counterparty"
          label={t("rights.propose.counterparty")}
          value={counterparty}
          onValue={setCounterparty}
          exclude={participant ? [participant.id] : []}
          error={fieldError("counterpartyParticipantId")}
          testId="propose-counterparty"
        />
        {kind === "grant" ? (
          <>
            <div className="field">
              <label htmlFor="propose-scope">{t("rights.propose.scope")}</label>
              <textarea
                id="propose-scope"
                rows={3}
                required
                value={scope}
                onChange={(e) => setScope(e.target.value)}
                aria-describedby="propose-scope-hint"
                data-testid="propose-scope"
              />
              <p id="propose-scope-hint" className="field-hint">
                {t("rights.propose.scopeHint")}
              </p>
              {fieldError("scope") && (
                <p className="field-error" role="alert">
                  {fieldError("scope")}
                </p>
              )}
            </div>
            <TextField
              id="propose-term-end"
              type="date"
              label={t("rights.propose.termEnd")}
              value={termEnd}
              onValue={setTermEnd}
              hint={t("rights.propose.termEndHint")}
              error={fieldError("termEnd")}
              testId="propose-term-end"
            />
          </>
        ) : (
          <p className="notice">{t("rights.propose.transferNote")}</p>
        )}
        <TextField
          id="propose-price"
          inputMode="decimal"
          label={t("rights.propose.price")}
          value={price}
          onValue={setPrice}
          hint={t("rights.propose.priceHint")}
          error={fen === null ? t("rights.propose.priceInvalid") : fieldError("priceFen")}
          testId="propose-price"
        />
        {propose.error && !shownAtField && <ErrorPanel error={propose.error} />}
        <div className="actions">
          <button
            type="submit"
            disabled={
              propose.isPending ||
              !PARTICIPANT_ID.test(counterparty) ||
              fen === null ||
              (kind === "grant" && (!scope.trim() || !rightKind))
            }
            data-testid="propose-submit"
          >
            {propose.isPending ? t("rights.propose.submitting") : t("rights.propose.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
