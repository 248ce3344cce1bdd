import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { AdmissionRow } from "./AdmissionRow.js";
import { ADMISSION_TABS, type AdmissionTab, useAdmissions, useDecideAdmission } from "./api.js";
import { StatusTabs } from "./StatusTabs.js";

export function AdmissionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = ADMISSION_TABS.find((s) => s === params.get("status")) ?? "pending";
  const list = useAdmissions(tab);
  const decide = useDecideAdmission();
  const [rejectingId, setRejectingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const selectTab = (next: AdmissionTab) => {
    setRejectingId(null);
    setNotice(null);
    decide.reset();
    setParams(next === "pending" ? {} : { status: next });
  };

  const onAdmit = (id: string, name: string) => {
    setNotice(null);
    decide.mutate(
      { id, action: "admit" },
      { onSuccess: () => setNotice(t("admissions.admittedNotice", { name })) },
    );
  };
  const onReject = (id: string, name: string, reason: string) => {
    setNotice(null);
    decide.mutate(
      { id, action: "reject", reason },
      {
        onSuccess: () => {
          setRejectingId(null);
          setNotice(t("admissions.rejectedNotice", { name }));
        },
      },
    );
  };

  const items = list.data?.items ?? [];

  return (
    <section className="card">
      <h1>{t("admissions.title")}</h1>
      <StatusTabs value={tab} onChange={selectTab} />
      <div id="admissions-panel" role="tabpanel" aria-labelledby={`admissions-tab-${tab}`}>
        {notice && (
          <p className="notice notice-success" role="status">
            {notice}
          </p>
        )}
        {decide.error && <ErrorPanel error={decide.error} />}
        {list.isPending && <p className="muted">{t("common.loading")}</p>}
        {list.error && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && items.length === 0 && (
          <p className="muted" data-testid="admissions-empty">
            {t("admissions.empty")}
          </p>
        )}
        {items.length > 0 && (
          <table className="table table-cards">
            <thead>
              <tr>
                <th scope="col">{t("admissions.name")}</th>
                <th scope="col">{t("admissions.type")}</th>
                <th scope="col">{t("admissions.identifier")}</th>
                <th scope="col">{t("admissions.appliedAt")}</th>
                {tab === "admitted" && <th scope="col">{t("admissions.admittedAt")}</th>}
                {tab === "rejected" && <th scope="col">{t("admissions.reason")}</th>}
                {tab === "pending" && <th scope="col">{t("admissions.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <AdmissionRow
                  key={p.id}
                  participant={p}
                  tab={tab}
                  columns={5}
                  rejecting={rejectingId === p.id}
                  busy={decide.isPending && decide.variables?.id === p.id}
                  onAdmit={() => onAdmit(p.id, p.name)}
                  onStartReject={() => setRejectingId(p.id)}
                  onReject={(reason) => onReject(p.id, p.name, reason)}
                  onCancelReject={() => setRejectingId(null)}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
