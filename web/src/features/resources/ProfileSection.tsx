import { useTranslation } from "react-i18next";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useProfile } from "./api.js";
import { useNumbers } from "./format.js";
import type { ColumnProfile, Profile } from "./model.js";

/** The dataset's profile (PR-3 quality): per-column statistics, quality dimensions, masked sample. */
export function ProfileSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const profile = useProfile(id);
  return (
    <section aria-labelledby="profile-title" data-testid="profile">
      <h2 id="profile-title">{t("resources.profile.title")}</h2>
      {profile.isPending && (
        <p className="muted" role="status">
          {t("resources.dataset.loadingProfile")}
        </p>
      )}
      {profile.error && <ErrorPanel error={profile.error} onRetry={() => void profile.refetch()} />}
      {profile.data && <ProfileView profile={profile.data} />}
    </section>
  );
}

function ProfileView({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const n = useNumbers();
  const q = profile.quality;
  return (
    <>
      <p>{t("resources.profile.summary", { rows: n.int(profile.rows), columns: profile.columns })}</p>
      <h3>{t("resources.profile.quality")}</h3>
      <dl className="facts resources-quality" data-testid="profile-quality">
        <dt>{t("resources.profile.completeness")}</dt>
        <dd>{n.pct(q.completeness)}</dd>
        <dt>{t("resources.profile.uniqueness")}</dt>
        <dd>{n.pct(q.uniqueness)}</dd>
        <dt>{t("resources.profile.validity")}</dt>
        <dd>{n.pct(q.validity)}</dd>
        <dt>{t("resources.profile.timeliness")}</dt>
        <dd>
          {q.timeliness
            ? t("resources.profile.timelinessValue", {
                newest: q.timeliness.newest.slice(0, 10),
                days: Math.round(q.timeliness.ageDays),
              })
            : t("common.none")}
        </dd>
      </dl>
      <div className="table-scroll">
        <table className="table resources-columns" data-testid="profile-columns">
          <thead>
            <tr>
              <th scope="col">{t("resources.profile.column")}</th>
              <th scope="col">{t("resources.profile.type")}</th>
              <th scope="col">{t("resources.profile.nullRate")}</th>
              <th scope="col">{t("resources.profile.distinct")}</th>
              <th scope="col">{t("resources.profile.min")}</th>
              <th scope="col">{t("resources.profile.max")}</th>
              <th scope="col">{t("resources.profile.label")}</th>
            </tr>
          </thead>
          <tbody>
            {profile.columnProfiles.map((c) => (
              <ColumnRow key={c.name} column={c} />
            ))}
          </tbody>
        </table>
      </div>
      <Sample profile={profile} />
    </>
  );
}

function ColumnRow({ column: c }: { column: ColumnProfile }) {
  const { t } = useTranslation();
  const n = useNumbers();
  return (
    <tr data-column={c.name}>
      <th scope="row" className="mono">
        {c.name}
      </th>
      <td className="mono">{c.type}</td>
      <td>{n.pct(c.nullRate)}</td>
      <td>{n.int(c.distinct)}</td>
      <td className="mono">{c.min ?? t("common.none")}</td>
      <td className="mono">{c.max ?? t("common.none")}</td>
      <td>{t(`resources.pii.${c.label}`)}</td>
    </tr>
  );
}

function Sample({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const names = profile.columnProfiles.map((c) => c.name);
  return (
    <>
      <h3 id="sample-title">{t("resources.profile.sample")}</h3>
      <p className="muted">{t("resources.profile.sampleHint")}</p>
      {profile.sample.length === 0 ? (
        <p className="muted">{t("resources.profile.sampleEmpty")}</p>
      ) : (
        <div className="table-scroll">
          <table
            className="table resources-sample"
            aria-labelledby="sample-title"
            data-testid="profile-sample"
          >
            <thead>
              <tr>
                {names.map((name) => (
                  <th key={name} scope="col" className="mono">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {profile.sample.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity of their own
                <tr key={i}>
                  {names.map((name) => (
                    <td key={name} className="mono" data-column={name}>
                      {row[name] ?? t("common.none")}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
