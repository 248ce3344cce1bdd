import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { TextField } from "../../app/ui/Field.js";
import { lookupPath, parseLookup } from "./lookup.js";

/** One box for an entry index, a leaf hash or a record ID; which one is told by its form. */
export function LookupForm({ initial = "" }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const target = parseLookup(value);
    setInvalid(target === null);
    if (target) void navigate(lookupPath(target));
  };

  return (
    <form className="evidence-lookup" onSubmit={onSubmit} noValidate>
      <TextField
        id="evidence-lookup"
        label={t("evidence.lookupLabel")}
        value={value}
        onValue={(v) => {
          setValue(v);
          setInvalid(false);
        }}
        hint={t("evidence.lookupHint")}
        error={invalid ? t("evidence.lookupInvalid") : undefined}
        required
        autoComplete="off"
        spellCheck={false}
        testId="evidence-lookup-input"
      />
      <button type="submit" data-testid="evidence-lookup-submit">
        {t("evidence.lookupSubmit")}
      </button>
    </form>
  );
}
