import { type KeyboardEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ADMISSION_TABS, type AdmissionTab } from "./api.js";

/** WAI-ARIA tabs: arrow keys move between statuses, only the selected tab is in the tab order. */
export function StatusTabs({
  value,
  onChange,
}: {
  value: AdmissionTab;
  onChange: (tab: AdmissionTab) => void;
}) {
  const { t } = useTranslation();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const index = ADMISSION_TABS.indexOf(value);
    const next = ADMISSION_TABS[(index + step + ADMISSION_TABS.length) % ADMISSION_TABS.length] ?? value;
    onChange(next);
    refs.current[next]?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={t("admissions.statusFilter")} onKeyDown={onKeyDown}>
      {ADMISSION_TABS.map((tab) => (
        <button
          key={tab}
          ref={(el) => {
            refs.current[tab] = el;
          }}
          type="button"
          role="tab"
          id={`admissions-tab-${tab}`}
          aria-selected={tab === value}
          aria-controls="admissions-panel"
          tabIndex={tab === value ? 0 : -1}
          onClick={() => onChange(tab)}
          data-testid={`admissions-tab-${tab}`}
        >
          {t(`status.${tab}`)}
        </button>
      ))}
    </div>
  );
}
