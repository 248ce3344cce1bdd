import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAuth } from "../../app/auth.js";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useParticipantDirectory, useSuccession } from "./api.js";
import type { SuccessionResult } from "./model.js";
import { isOperatorStaff } from "./roles.js";
import { SuccessionForm } from "./SuccessionForm.js";
import { type SuccessionDraft, successionBody, successorsOf } from "./succession.js";

const EMPTY: SuccessionDraft = {
  predecessor: "",
  event: "merger",
  primary: "",
  others: [],
  allocation: {},
  reason: "",
};

/** /rights/succession (exchange operator): edit → confirm (irreversible) → the summary of what moved. */
export function SuccessionPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const succession = useSuccession();
  const [draft, setDraft] = useState(EMPTY);
  const [step, setStep] = useState<"edit" | "confirm">("edit");
  const [understood, setUnderstood] = useState(false);
  const [result, setResult] = useState<SuccessionResult | null>(null);

  if (!isOperatorStaff(auth))
    return (
      <section className="card">
        <h1>{t("rights.succession.title")}</h1>
        <p className="notice">{t("rights.succession.notOperator")}</p>
      </section>
    );

  const confirm = () =>
    succession.mutate(
      { predecessorId: draft.predecessor, body: successionBody(draft) },
      { onSuccess: (r) => setResult(r) },
    );
  const restart = () => {
    setDraft(EMPTY);
    setStep("edit");
    setUnderstood(false);
    setResult(null);
    succession.reset();
  };

  return (
    <section className="card">
      <Link to="/rights">{t("rights.detail.back")}</Link>
      <h1>{t("rights.succession.title")}</h1>
      <p className="muted">{t("rights.succession.intro")}</p>
      {result ? (
        <SuccessionSummary result={result} onAgain={restart} />
      ) : step === "edit" ? (
        <SuccessionForm draft={draft} onDraft={setDraft} onReview={() => setStep("confirm")} />
      ) : (
        <section
          className="notice succession-confirm"
          aria-labelledby="succession-confirm-title"
          data-testid="succession-confirm"
        >
          <ConfirmTitle />
          <ConfirmText draft={draft} />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
              data-testid="succession-understand"
            />
            {t("rights.succession.understand")}
          </label>
          {succession.error && <ErrorPanel error={succession.error} />}
          <div className="actions">
            <button
              type="button"
              className="button-danger"
              disabled={!understood || succession.isPending}
              onClick={confirm}
              data-testid="succession-confirm-button"
            >
              {succession.isPending ? t("rights.succession.submitting") : t("rights.succession.confirm")}
            </button>
            <button type="button" className="button-secondary" onClick={() => setStep("edit")}>
              {t("rights.succession.edit")}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}

/** Takes focus when the confirmation appears, so a screen reader starts with the warning. */
function ConfirmTitle() {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 id="succession-confirm-title" ref={ref} tabIndex={-1}>
      {t("rights.succession.confirmTitle")}
    </h2>
  );
}

function ConfirmText({ draft }: { draft: SuccessionDraft }) {
  const { t, i18n } = useTranslation();
  const directory = useParticipantDirectory();
  const nameOf = (id: string) => directory.data?.items.find((p) => p.id === id)?.name ?? id;
  const list = new Intl.ListFormat(i18n.resolvedLanguage ?? "zh-CN", { type: "conjunction" });
  return (
    <>
      <p data-testid="succession-confirm-text">
        {t("rights.succession.confirmBody", {
          predecessor: `${nameOf(draft.predecessor)}（${t(`rights.succession.events.${draft.event}`)}）`,
          successors: list.format(successorsOf(draft).map(nameOf)),
        })}
      </p>
      <p className="muted">
        {t("rights.succession.reason")}: {draft.reason.trim()}
      </p>
    </>
  );
}

function SuccessionSummary({ result, onAgain }: { result: SuccessionResult; onAgain: () => void }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <div className="notice notice-success" role="status" data-testid="succession-result">
      <h2>{t("rights.succession.done")}</h2>
      <dl className="facts">
        <dt>{t("rights.succession.successionId")}</dt>
        <dd className="mono">{result.successionId}</dd>
        <dt>{t("rights.succession.event")}</dt>
        <dd>{t(`rights.succession.events.${result.event}`)}</dd>
        <dt>{t("rights.succession.completedAt")}</dt>
        <dd>{formatDateTime(result.completedAt)}</dd>
        <dt>{t("rights.succession.moved")}</dt>
        <dd>
          <ul>
            {Object.entries(result.moved).map(([what, items]) => (
              <li key={what} data-testid="succession-moved" data-mover={what}>
                {t("rights.succession.movedCount", {
                  what: t(`rights.succession.movers.${what}`, { defaultValue: what }),
                  count: items.length,
                })}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <div className="actions">
        <button type="button" className="button-secondary" onClick={onAgain}>
          {t("rights.succession.another")}
        </button>
      </div>
    </div>
  );
}
