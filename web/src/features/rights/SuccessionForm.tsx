import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../app/ui/Field.js";
import { useMyRights, useParticipantDirectory } from "./api.js";
import { SUCCESSION_EVENTS, type SuccessionEvent } from "./model.js";
import { ParticipantPicker } from "./ParticipantPicker.js";
import { type SuccessionDraft, successionProblem, successorsOf } from "./succession.js";

interface Props {
  draft: SuccessionDraft;
  onDraft: (draft: SuccessionDraft) => void;
  onReview: () => void;
}

/** Step 1: who, what event, to whom, and (for a split) which right goes where. */
export function SuccessionForm({ draft, onDraft, onReview }: Props) {
  const { t } = useTranslation();
  const directory = useParticipantDirectory();
  const rights = useMyRights(draft.predecessor || undefined);
  const set = (change: Partial<SuccessionDraft>) => onDraft({ ...draft, ...change });
  const problem = successionProblem(draft);
  const successors = successorsOf(draft);
  const candidates = (directory.data?.items ?? []).filter(
    (p) => p.id !== draft.predecessor && p.id !== draft.primary,
  );
  const activeRights = (rights.data?.items ?? []).filter((r) => r.status === "active");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem && draft.reason.trim() && draft.predecessor) onReview();
  };

  return (
    <form className="form" onSubmit={submit} data-testid="succession-form" noValidate>
      <ParticipantPicker
        id="succession-predecessor"
        label={t("rights.succession.predecessor")}
        value={draft.predecessor}
        onValue={(predecessor) => set({ predecessor, allocation: {} })}
        testId="succession-predecessor"
      />
      <SelectField
        id="succession-event"
        label={t("rights.succession.event")}
        value={draft.event}
        onValue={(v) => set({ event: v as SuccessionEvent })}
        options={SUCCESSION_EVENTS.map((e) => ({ value: e, label: t(`rights.succession.events.${e}`) }))}
        testId="succession-event"
      />
      <ParticipantPicker
        id="succession-primary"
        label={t("rights.succession.primary")}
        hint={t("rights.succession.primaryHint")}
        value={draft.primary}
        onValue={(primary) => set({ primary, others: draft.others.filter((o) => o !== primary) })}
        exclude={draft.predecessor ? [draft.predecessor] : []}
        testId="succession-primary"
      />
      {draft.event !== "merger" && candidates.length > 0 && (
        <fieldset className="checkbox-group">
          <legend>{t("rights.succession.others")}</legend>
          <p className="field-hint">{t("rights.succession.othersHint")}</p>
          <div className="checkbox-grid">
            {candidates.map((p) => (
              <label key={p.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.others.includes(p.id)}
                  onChange={(e) =>
                    set({
                      others: e.target.checked
                        ? [...draft.others, p.id]
                        : draft.others.filter((o) => o !== p.id),
                    })
                  }
                  data-testid="succession-other"
                  data-participant-id={p.id}
                />
                {p.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {draft.event === "split" && draft.predecessor && successors.length > 1 && (
        <fieldset className="form-section">
          <legend>{t("rights.succession.allocation")}</legend>
          <p className="field-hint">{t("rights.succession.allocationHint")}</p>
          {rights.data && activeRights.length === 0 && (
            <p className="muted">{t("rights.succession.noRights")}</p>
          )}
          {activeRights.map((r) => (
            <SelectField
              key={r.id}
              id={`allocation-${r.id}`}
              label={`${t(`rights.kind.${r.kind}`)} · ${r.scope}`}
              value={draft.allocation[r.id] ?? successors[0] ?? ""}
              onValue={(to) => set({ allocation: { ...draft.allocation, [r.id]: to } })}
              options={successors.map((id) => ({
                value: id,
                label: directory.data?.items.find((p) => p.id === id)?.name ?? id,
              }))}
            />
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="succession-reason">{t("rights.succession.reason")}</label>
        <textarea
          id="succession-reason"
          rows={3}
          required
          value={draft.reason}
          onChange={(e) => set({ reason: e.target.value })}
          aria-describedby="succession-reason-hint"
          data-testid="succession-reason"
        />
        <p id="succession-reason-hint" className="field-hint">
          {t("rights.succession.reasonHint")}
        </p>
      </div>
      {problem && draft.primary && (
        <p className="field-error" role="alert">
          {t(`rights.succession.${problem}`)}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          disabled={!!problem || !draft.predecessor || !draft.reason.trim()}
          data-testid="succession-review"
        >
          {t("rights.succession.review")}
        </button>
      </div>
    </form>
  );
}
