import { useTranslation } from "react-i18next";
import { APPLICABLE_TYPES, type ParticipantType } from "../../app/types.js";
import { SelectField, TextField } from "../../app/ui/Field.js";
import type { ApplyFieldsProps } from "./form.js";
import { offersServiceKinds, usesResidentId } from "./form.js";
import { ServiceKindsField } from "./ServiceKindsField.js";

export function ParticipantFields({ form, set, errorOn }: ApplyFieldsProps) {
  const { t } = useTranslation();
  const typeOptions = APPLICABLE_TYPES.map((type) => ({ value: type, label: t(`participantType.${type}`) }));
  const individual = usesResidentId(form.type);
  return (
    <fieldset className="form-section">
      <legend>{t("apply.participantSection")}</legend>
      <SelectField
        id="apply-type"
        testId="apply-type"
        label={t("apply.type")}
        value={form.type}
        onValue={(v) => set("type")(v as ParticipantType)}
        options={typeOptions}
        error={errorOn("type")}
        required
      />
      <TextField
        id="apply-name"
        testId="apply-name"
        label={t("apply.name")}
        value={form.name}
        onValue={set("name")}
        error={errorOn("name")}
        autoComplete={individual ? "name" : "organization"}
        required
      />
      {individual ? (
        <TextField
          id="apply-resident-id"
          testId="apply-resident-id"
          label={t("apply.residentId")}
          hint={t("apply.residentIdHint")}
          value={form.residentId}
          onValue={set("residentId")}
          error={errorOn("residentId")}
          maxLength={18}
          autoComplete="off"
          spellCheck={false}
          required
        />
      ) : (
        <TextField
          id="apply-uscc"
          testId="apply-uscc"
          label={t("apply.uscc")}
          hint={t("apply.usccHint")}
          value={form.uscc}
          onValue={set("uscc")}
          error={errorOn("uscc")}
          maxLength={18}
          autoComplete="off"
          spellCheck={false}
          required
        />
      )}
      <TextField
        id="apply-region"
        testId="apply-region"
        label={t("apply.region")}
        hint={t("apply.regionHint")}
        value={form.region}
        onValue={set("region")}
        error={errorOn("region")}
        inputMode="numeric"
        maxLength={6}
      />
      <TextField
        id="apply-email"
        testId="apply-email"
        type="email"
        label={t("apply.email")}
        value={form.contactEmail}
        onValue={set("contactEmail")}
        error={errorOn("contactEmail")}
        autoComplete="email"
        required
      />
      <TextField
        id="apply-phone"
        testId="apply-phone"
        type="tel"
        label={t("apply.phone")}
        value={form.contactPhone}
        onValue={set("contactPhone")}
        error={errorOn("contactPhone")}
        autoComplete="tel"
      />
      {offersServiceKinds(form.type) && (
        <ServiceKindsField
          value={form.serviceKinds}
          onValue={set("serviceKinds")}
          error={errorOn("serviceKinds")}
        />
      )}
    </fieldset>
  );
}
