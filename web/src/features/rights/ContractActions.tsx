import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../app/auth.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { type ContractDecision, useDecideContract } from "./api.js";
import type { Contract } from "./model.js";
import { isAdmin } from "./roles.js";

/**
 * The steps on a proposed contract: the counterparty accepts (signs) or declines, the proposer
 * withdraws; declining and withdrawing take an optional reason. Admins only (they sign).
 */
export function ContractActions({
  contract,
  onDone,
}: {
  contract: Contract;
  onDone?: (c: Contract) => void;
}) {
  const { t } = useTranslation();
  const auth = useAuth();
  const decide = useDecideContract();
  const [asking, setAsking] = useState<"decline" | "withdraw" | null>(null);
  const me = auth.participant?.id;
  if (contract.status !== "proposed" || !isAdmin(auth)) return null;
  const incoming = me === contract.counterpartyParticipantId;
  const outgoing = me === contract.proposerParticipantId;
  if (!incoming && !outgoing) return null;

  const run = (action: ContractDecision, reason?: string) =>
    decide.mutate(
      { id: contract.id, action, ...(reason ? { reason } : {}) },
      {
        onSuccess: (c) => {
          setAsking(null);
          onDone?.(c);
        },
      },
    );

  return (
    <div className="contract-actions">
      {asking ? (
        <ReasonStep
          label={t(
            asking === "decline" ? "rights.contracts.declineReason" : "rights.contracts.withdrawReason",
          )}
          pending={decide.isPending}
          onConfirm={(reason) => run(asking, reason)}
          onCancel={() => setAsking(null)}
          testId={`contract-${asking}-form`}
        />
      ) : (
        <div className="row-actions">
          {incoming && (
            <>
              <button
                type="button"
                onClick={() => run("accept")}
                disabled={decide.isPending}
                data-testid="contract-accept"
              >
                {t("rights.contracts.accept")}
              </button>
              <button
                type="button"
                className="button-danger-outline"
                onClick={() => setAsking("decline")}
                data-testid="contract-decline"
              >
                {t("rights.contracts.decline")}
              </button>
            </>
          )}
          {outgoing && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => setAsking("withdraw")}
              data-testid="contract-withdraw"
            >
              {t("rights.contracts.withdraw")}
            </button>
          )}
        </div>
      )}
      {decide.error && <ErrorPanel error={decide.error} />}
    </div>
  );
}

function ReasonStep(props: {
  label: string;
  pending: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onConfirm(reason.trim());
  };
  return (
    <form className="reject-form" onSubmit={submit} data-testid={props.testId}>
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-describedby={`${id}-hint`}
        data-testid={`${props.testId}-reason`}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t("rights.contracts.reasonHint")}
      </p>
      <div className="actions">
        <button type="submit" disabled={props.pending} data-testid={`${props.testId}-confirm`}>
          {t("rights.contracts.confirm")}
        </button>
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
