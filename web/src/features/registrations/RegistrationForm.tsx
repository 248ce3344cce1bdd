import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api.js";
import { SelectField, TextField } from "../../app/ui/Field.js";
import type { DraftBody } from "./api.js";
import { CheckboxField, TextAreaField } from "./controls.js";
import { FieldsTable } from "./FieldsTable.js";
import { type FormErrors, type FormState, formKeyOf, formState, toBody, validate } from "./form.js";
import {
  type DraftInput,
  FORMATS,
  GRADES,
  INDUSTRY_CODES,
  LEGAL_BASES,
  ORIGIN_CLASSES,
  type Registration,
  UPDATE_FREQUENCIES,
} from "./model.js";
import { RegistrationError } from "./RegistrationError.js";

interface Props {
  /** A saved draft, or values from elsewhere (e.g. a node dataset's registration draft). */
  initial?: DraftInput | Registration;
  pending: boolean;
  error: unknown;
  onSave: (body: DraftBody) => void;
}

type TextKey = { [K in keyof FormState]: FormState[K] extends string ? K : never }[keyof FormState];

/** Every field of a registration (PR-3), in six sections; saving keeps it a draft. */
export function RegistrationForm({ initial, pending, error, onSave }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<FormState>(() => formState(initial));
  const [errors, setErrors] = useState<FormErrors>({});
  const set = (patch: Partial<FormState>) => setState((s) => ({ ...s, ...patch }));
  const serverField = error instanceof ApiError ? formKeyOf(error.field) : undefined;
  const errorOf = (key: keyof FormState) => {
    const local = errors[key];
    if (local) return t(`registrations.invalid.${local}`);
    return serverField === key && error instanceof ApiError ? error.message : undefined;
  };
  const label = (key: string) => t(`registrations.field.${key as "name"}`);

  const text = (key: TextKey, extra: { required?: boolean; hint?: string; type?: string } = {}) => (
    <TextField
      id={`reg-${key}`}
      testId={`reg-${key}`}
      label={label(key)}
      value={state[key] as string}
      onValue={(value) => set({ [key]: value })}
      error={errorOf(key)}
      {...extra}
    />
  );
  const area = (key: TextKey, hint?: string) => (
    <TextAreaField
      id={`reg-${key}`}
      testId={`reg-${key}`}
      label={label(key)}
      value={state[key] as string}
      onValue={(value) => set({ [key]: value })}
      error={errorOf(key)}
      hint={hint}
    />
  );
  const select = (key: TextKey, values: readonly string[], ns: string, blank: boolean, required = false) => (
    <SelectField
      id={`reg-${key}`}
      testId={`reg-${key}`}
      label={label(key)}
      value={state[key] as string}
      onValue={(value) => set({ [key]: value })}
      error={errorOf(key)}
      required={required}
      options={[
        ...(blank ? [{ value: "", label: t("common.none") }] : []),
        ...values.map((v) => ({
          value: v,
          label: t(`registrations.${ns}.${v}` as "registrations.format.csv"),
        })),
      ]}
    />
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(state);
    setErrors(found);
    if (Object.keys(found).length === 0) onSave(toBody(state));
  };
  const publicHint = t("registrations.hint.publicOnly");

  return (
    <form className="form reg-form" onSubmit={onSubmit} noValidate data-testid="registration-form">
      {error !== null && error !== undefined && <RegistrationError error={error} />}
      <Section title={t("registrations.section.basic")}>
        {text("name", { required: true })}
        {area("description")}
        {text("keywords", { hint: t("registrations.hint.keywords") })}
        {select("industry", INDUSTRY_CODES, "industry", true)}
      </Section>
      <Section title={t("registrations.section.classification")}>
        {select("originClass", ORIGIN_CLASSES, "originClass", false, true)}
        {select("grade", GRADES, "grade", false, true)}
        <CheckboxField
          id="reg-sensitivePersonal"
          testId="reg-sensitivePersonal"
          label={label("sensitivePersonal")}
          checked={state.originClass === "personal" && state.sensitivePersonal}
          disabled={state.originClass !== "personal"}
          onChecked={(checked) => set({ sensitivePersonal: checked })}
          hint={t("registrations.hint.sensitivePersonal")}
        />
      </Section>
      <Section title={t("registrations.section.source")}>
        {text("sourceUnit", { hint: publicHint })}
        {text("catalogCode", { hint: publicHint })}
        {select("legalBasis", LEGAL_BASES, "legalBasis", true)}
        {area("legalBasisNote")}
        {area("collectionMethod")}
      </Section>
      <Section title={t("registrations.section.content")}>
        <FieldsTable rows={state.fields} onChange={(fields) => set({ fields })} error={errorOf("fields")} />
        {text("volumeRows", { type: "text" })}
        {text("volumeBytes", { type: "text" })}
        {select("format", FORMATS, "format", true)}
        {select("updateFrequency", UPDATE_FREQUENCIES, "frequency", true)}
      </Section>
      <Section title={t("registrations.section.coverage")}>
        {text("timeFrom", { type: "date" })}
        {text("timeTo", { type: "date" })}
        {text("spatialCoverage")}
      </Section>
      <Section title={t("registrations.section.quality")}>
        {text("completeness", { hint: t("registrations.hint.quality") })}
        {text("accuracy")}
        {text("consistency")}
        {text("timeliness")}
        {area("qualityNote")}
        {text("contactName", { hint: t("registrations.hint.contact") })}
        {text("contactPhone", { type: "tel" })}
        {text("contactEmail", { type: "email" })}
      </Section>
      <button type="submit" disabled={pending} data-testid="reg-save">
        {pending ? t("registrations.form.saving") : t("registrations.form.save")}
      </button>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
