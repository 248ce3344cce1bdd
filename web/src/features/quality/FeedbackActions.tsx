import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../app/auth.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useFeedbackStep } from "./api.js";
import { DECISIONS, type Feedback } from "./model.js";
import { TextStep } from "./TextStep.js";

type Choice = "accept" | "dispute" | "upheld" | "dismissed";

/**
 * What the caller may do next on one item: the holder responds; the filer resolves or escalates
 * (escalating waits for a response or the deadline); an overseer decides an escalation.
 */
export function FeedbackActions({ feedback: f }: { feedback: Feedback }) {
  const { t } = useTranslation();
  const { participant } = useAuth();
  const step = useFeedbackStep();
  const [open, setOpen] = useState<"respond" | "decide" | null>(null);
  const [choice, setChoice] = useState<Choice>("accept");
  const holder = participant?.id === f.holderParticipantId;
  const filer = participant?.id === f.filerParticipantId;
  const overseer = participant?.type === "exchange_operator" || participant?.type === "regulator";
  const canRespond = holder && f.status === "open";
  const canClose = filer && (f.status === "open" || f.status === "responded");
  const canEscalate = canClose && (f.status === "responded" || f.overdue);
  const canDecide = overseer && f.status === "escalated";
  if (!canRespond && !canClose && !canDecide) return null;
  const done = { onSuccess: () => setOpen(null) };

  const choices = (values: readonly Choice[], label: (c: Choice) => string) => (
    <fieldset className="checkbox-group">
      {values.map((c) => (
        <label key={c} className="checkbox">
          <input
            type="radio"
            name={`choice-${f.id}`}
            checked={choice === c}
            onChange={() => setChoice(c)}
            data-testid={`feedback-choice-${c}`}
          />
          {label(c)}
        </label>
      ))}
    </fieldset>
  );

  return (
    <div className="feedback-actions">
      {open === "respond" && (
        <TextStep
          label={t(choice === "dispute" ? "quality.actions.reasons" : "quality.actions.plannedFix")}
          confirmLabel={t("quality.actions.sendResponse")}
          pending={step.isPending}
          onCancel={() => setOpen(null)}
          onConfirm={(text) =>
            step.mutate(
              {
                id: f.id,
                step: "response",
                body:
                  choice === "dispute"
                    ? { response: "dispute", reasons: text }
                    : { response: "accept", plannedFix: text },
              },
              done,
            )
          }
          testId="feedback-respond-form"
        >
          {choices(["accept", "dispute"], (c) => t(`quality.actions.${c as "accept" | "dispute"}`))}
        </TextStep>
      )}
      {open === "decide" && (
        <TextStep
          label={t("quality.actions.decisionReason")}
          confirmLabel={t("quality.actions.sendDecision")}
          pending={step.isPending}
          onCancel={() => setOpen(null)}
          onConfirm={(reason) =>
            step.mutate(
              {
                id: f.id,
                step: "decision",
                body: { decision: choice === "dismissed" ? "dismissed" : "upheld", reason },
              },
              done,
            )
          }
          testId="feedback-decide-form"
        >
          {choices(DECISIONS, (c) => t(`quality.decision.${c as "upheld" | "dismissed"}`))}
        </TextStep>
      )}
      {open === null && (
        <div className="row-actions">
          {canRespond && (
            <button
              type="button"
              onClick={() => {
                setChoice("accept");
                setOpen("respond");
              }}
              data-testid="feedback-respond"
            >
              {t("quality.actions.respond")}
            </button>
          )}
          {canClose && (
            <button
              type="button"
              className="button-secondary"
              disabled={step.isPending}
              onClick={() => step.mutate({ id: f.id, step: "resolve" })}
              data-testid="feedback-resolve"
            >
              {t("quality.actions.resolve")}
            </button>
          )}
          {canClose && (
            <button
              type="button"
              className="button-danger-outline"
              disabled={step.isPending || !canEscalate}
              aria-describedby={canEscalate ? undefined : `escalate-wait-${f.id}`}
              onClick={() => step.mutate({ id: f.id, step: "escalate" })}
              data-testid="feedback-escalate"
            >
              {t("quality.actions.escalate")}
            </button>
          )}
          {canDecide && (
            <button
              type="button"
              onClick={() => {
                setChoice("upheld");
                setOpen("decide");
              }}
              data-testid="feedback-decide"
            >
              {t("quality.actions.decide")}
            </button>
          )}
        </div>
      )}
      {canClose && !canEscalate && open === null && (
        <p id={`escalate-wait-${f.id}`} className="field-hint">
          {t("quality.actions.escalateWait")}
        </p>
      )}
      {step.error && <ErrorPanel error={step.error} />}
    </div>
  );
}
