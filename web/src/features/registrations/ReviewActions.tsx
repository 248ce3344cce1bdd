import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRegistrationAction } from "./api.js";
import type { Registration } from "./model.js";
import { ReasonForm } from "./ReasonForm.js";
import { ReclassifyForm } from "./ReclassifyForm.js";
import { RegistrationError } from "./RegistrationError.js";

/**
 * The exchange reviewer's steps (形式审查): take a submitted registration into review, pass it
 * (opening the public notice) or reject it with an opinion; once the notice is over, close it.
 */
export function ReviewActions({ registration: r }: { registration: Registration }) {
  const { t } = useTranslation();
  const act = useRegistrationAction();
  const [deciding, setDeciding] = useState<"pass" | "reject" | "reclassify" | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reviewable = r.status === "submitted" || r.status === "in_review";

  if (!reviewable && r.status !== "in_notice" && !done) return null;
  return (
    <div className="reg-actions" data-testid="review-actions">
      {act.error && <RegistrationError error={act.error} />}
      {done && (
        <p className="notice notice-success" role="status" data-testid="review-done">
          {done}
        </p>
      )}
      {reviewable && !deciding && (
        <div className="actions">
          {r.status === "submitted" && (
            <button
              type="button"
              className="button-secondary"
              disabled={act.isPending}
              data-testid="review-start"
              onClick={() =>
                act.mutate(
                  { id: r.id, action: "start-review" },
                  { onSuccess: () => setDone(t("registrations.review.started")) },
                )
              }
            >
              {t("registrations.review.start")}
            </button>
          )}
          <button type="button" onClick={() => setDeciding("pass")} data-testid="review-pass">
            {t("registrations.review.pass")}
          </button>
          <button
            type="button"
            className="button-danger-outline"
            onClick={() => setDeciding("reject")}
            data-testid="review-reject"
          >
            {t("registrations.review.reject")}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => setDeciding("reclassify")}
            data-testid="review-reclassify"
          >
            {t("registrations.review.reclassify")}
          </button>
        </div>
      )}
      {reviewable && deciding === "reclassify" && (
        <ReclassifyForm
          registration={r}
          onDone={() => {
            setDone(t("registrations.review.reclassified"));
            setDeciding(null);
          }}
        />
      )}
      {reviewable && (deciding === "pass" || deciding === "reject") && (
        <ReasonForm
          key={deciding}
          label={t("registrations.review.reason")}
          hint={t("registrations.review.reasonHint")}
          confirmLabel={
            deciding === "pass"
              ? t("registrations.review.passConfirm")
              : t("registrations.review.rejectConfirm")
          }
          danger={deciding === "reject"}
          pending={act.isPending}
          testId="review-form"
          onCancel={() => setDeciding(null)}
          onConfirm={(reason) =>
            act.mutate(
              { id: r.id, action: "review", decision: deciding, reason },
              {
                onSuccess: () => {
                  setDone(
                    t(deciding === "pass" ? "registrations.review.passed" : "registrations.review.rejected"),
                  );
                  setDeciding(null);
                },
              },
            )
          }
        />
      )}
      {r.status === "in_notice" && (
        <div className="actions">
          <button
            type="button"
            disabled={act.isPending}
            data-testid="review-close-notice"
            onClick={() =>
              act.mutate(
                { id: r.id, action: "close-notice" },
                {
                  onSuccess: (after) =>
                    setDone(
                      t("registrations.review.closed", { status: t(`registrations.status.${after.status}`) }),
                    ),
                },
              )
            }
          >
            {t("registrations.review.closeNotice")}
          </button>
        </div>
      )}
    </div>
  );
}
