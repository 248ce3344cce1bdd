import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../app/ui/Field.js";
import { useParticipantDirectory } from "./api.js";
import { PARTICIPANT_ID } from "./model.js";

const OTHER = "__other__";

interface Props {
  id: string;
  label: string;
  value: string;
  onValue: (participantId: string) => void;
  exclude?: readonly string[];
  hint?: string;
  error?: string | undefined;
  testId: string;
}

/**
 * A participant from the public directory of admitted participants, or any participant by its id
 * (the directory may not list everyone a caller may deal with, and ids are what people exchange).
 */
export function ParticipantPicker({ id, label, value, onValue, exclude = [], hint, error, testId }: Props) {
  const { t } = useTranslation();
  const directory = useParticipantDirectory();
  const listed = (directory.data?.items ?? []).filter((p) => !exclude.includes(p.id));
  const [other, setOther] = useState(false);
  const inList = listed.some((p) => p.id === value);
  const selected = other || (value !== "" && !inList && directory.isSuccess) ? OTHER : value;
  const idInvalid = selected === OTHER && value !== "" && !PARTICIPANT_ID.test(value);

  return (
    <>
      <SelectField
        id={id}
        label={label}
        value={selected}
        onValue={(v) => {
          setOther(v === OTHER);
          onValue(v === OTHER ? "" : v);
        }}
        options={[
          { value: "", label: t("rights.propose.choose") },
          ...listed.map((p) => ({ value: p.id, label: `${p.name} (${t(`participantType.${p.type}`)})` })),
          { value: OTHER, label: t("rights.propose.counterpartyOther") },
        ]}
        hint={selected === OTHER ? undefined : hint}
        error={selected === OTHER ? undefined : error}
        required
        testId={testId}
      />
      {selected === OTHER && (
        <TextField
          id={`${id}-id`}
          label={t("rights.propose.counterpartyId")}
          value={value}
          onValue={(v) => onValue(v.trim())}
          hint={t("rights.propose.counterpartyIdHint")}
          error={idInvalid ? t("rights.propose.counterpartyIdInvalid") : error}
          required
          spellCheck={false}
          autoComplete="off"
          className="mono"
          testId={`${testId}-id`}
        />
      )}
    </>
  );
}
