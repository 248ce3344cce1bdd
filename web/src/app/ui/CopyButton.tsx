import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // Plain http on a LAN address has no Clipboard API; fall back to a hidden textarea.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const onClick = () => {
    copyText(text).then(
      () => setState("copied"),
      () => setState("failed"),
    );
  };

  return (
    <span className="copy">
      <button type="button" className="button-secondary button-small" onClick={onClick} data-testid={testId}>
        {label}
      </button>
      <span className="copy-status" aria-live="polite">
        {state === "copied" && t("common.copied")}
        {state === "failed" && t("common.copyFailed")}
      </span>
    </span>
  );
}
