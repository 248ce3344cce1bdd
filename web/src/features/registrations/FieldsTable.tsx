import { useTranslation } from "react-i18next";
import type { FieldRow } from "./form.js";

/** The registration's data items (数据项): one row per column of the resource. */
export function FieldsTable({
  rows,
  onChange,
  error,
}: {
  rows: FieldRow[];
  onChange: (rows: FieldRow[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<FieldRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const add = () => onChange([...rows, { name: "", type: "string", description: "", sensitive: false }]);

  return (
    <fieldset className="checkbox-group reg-fields" aria-describedby={error ? "reg-fields-error" : undefined}>
      <legend>{t("registrations.field.fields")}</legend>
      {rows.length === 0 ? (
        <p className="muted">{t("registrations.fieldsTable.empty")}</p>
      ) : (
        <table className="table table-cards">
          <thead>
            <tr>
              <th scope="col">{t("registrations.fieldsTable.name")}</th>
              <th scope="col">{t("registrations.fieldsTable.type")}</th>
              <th scope="col">{t("registrations.fieldsTable.description")}</th>
              <th scope="col">{t("registrations.fieldsTable.sensitive")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("registrations.fieldsTable.remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
              <tr key={i} data-testid="reg-field-row">
                <td data-label={t("registrations.fieldsTable.name")}>
                  <input
                    value={row.name}
                    onChange={(e) => set(i, { name: e.target.value })}
                    aria-label={`${t("registrations.fieldsTable.name")} ${i + 1}`}
                    data-testid="reg-field-name"
                  />
                </td>
                <td data-label={t("registrations.fieldsTable.type")}>
                  <input
                    value={row.type}
                    onChange={(e) => set(i, { type: e.target.value })}
                    aria-label={`${t("registrations.fieldsTable.type")} ${i + 1}`}
                    data-testid="reg-field-type"
                  />
                </td>
                <td data-label={t("registrations.fieldsTable.description")}>
                  <input
                    value={row.description}
                    onChange={(e) => set(i, { description: e.target.value })}
                    aria-label={`${t("registrations.fieldsTable.description")} ${i + 1}`}
                  />
                </td>
                <td data-label={t("registrations.fieldsTable.sensitive")}>
                  <input
                    type="checkbox"
                    className="reg-field-check"
                    checked={row.sensitive}
                    onChange={(e) => set(i, { sensitive: e.target.checked })}
                    aria-label={`${t("registrations.fieldsTable.sensitive")} ${i + 1}`}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button-secondary button-small"
                    onClick={() => onChange(rows.filter((_, j) => j !== i))}
                    aria-label={t("registrations.fieldsTable.removeRow", { n: i + 1 })}
                  >
                    {t("registrations.fieldsTable.remove")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p id="reg-fields-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button-secondary button-small"
        onClick={add}
        data-testid="reg-field-add"
      >
        {t("registrations.fieldsTable.add")}
      </button>
    </fieldset>
  );
}
