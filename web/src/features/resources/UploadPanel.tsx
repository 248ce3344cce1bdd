import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useUploadDataset } from "./api.js";
import { useNumbers } from "./format.js";
import { UploadError } from "./send.js";
import { UploadProblemPanel } from "./UploadProblemPanel.js";
import { ACCEPT, formatOfFile } from "./upload.js";

/** Choose a file, stream it to the node with a progress bar, then link to its profile. */
export function UploadPanel() {
  const { t } = useTranslation();
  const n = useNumbers();
  const upload = useUploadDataset();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [percent, setPercent] = useState(0);
  const [hint, setHint] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setHint(null);
    if (!file) return setHint(t("resources.upload.chooseFile"));
    if (!formatOfFile(file.name)) return setHint(t("resources.upload.unknownFormat"));
    setPercent(0);
    abort.current = new AbortController();
    upload.mutate({ file, name, onProgress: setPercent, signal: abort.current.signal });
  };

  const sent = upload.isPending && percent >= 100;
  const error = upload.error;
  const cancelled = error instanceof DOMException && error.name === "AbortError";

  return (
    <form className="form resources-upload" onSubmit={submit} aria-labelledby="upload-title">
      <h2 id="upload-title">{t("resources.upload.title")}</h2>
      <div className="field">
        <label htmlFor="upload-file">{t("resources.upload.file")}</label>
        <input
          id="upload-file"
          type="file"
          accept={ACCEPT}
          required
          aria-describedby="upload-file-hint"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="upload-file"
        />
        <p id="upload-file-hint" className="field-hint">
          {t("resources.upload.fileHint")}
        </p>
      </div>
      <div className="field">
        <label htmlFor="upload-name">
          {t("resources.upload.name")}
          <span className="field-optional"> ({t("common.optional")})</span>
        </label>
        <input
          id="upload-name"
          value={name}
          maxLength={200}
          aria-describedby="upload-name-hint"
          onChange={(e) => setName(e.target.value)}
          data-testid="upload-name"
        />
        <p id="upload-name-hint" className="field-hint">
          {t("resources.upload.nameHint")}
        </p>
      </div>
      {hint && (
        <p className="field-error" role="alert">
          {hint}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={upload.isPending} data-testid="upload-submit">
          {upload.isPending ? t("resources.upload.uploading") : t("resources.upload.submit")}
        </button>
        {upload.isPending && !sent && (
          <button type="button" className="button-secondary" onClick={() => abort.current?.abort()}>
            {t("resources.upload.cancel")}
          </button>
        )}
      </div>
      {upload.isPending && (
        <div className="resources-progress" data-testid="upload-progress">
          <label htmlFor="upload-progress-bar">{t("resources.upload.progressLabel")}</label>
          <progress id="upload-progress-bar" max={100} value={percent} />
          <p aria-live="polite" role="status">
            {sent ? t("resources.upload.importing") : t("resources.upload.progress", { percent })}
          </p>
        </div>
      )}
      {upload.data && (
        <p className="notice notice-success" role="status" data-testid="upload-done">
          {t("resources.upload.done", {
            name: upload.data.name,
            rows: n.int(upload.data.rows),
            columns: upload.data.columns.length,
          })}{" "}
          <Link to={`/resources/${upload.data.id}`} data-testid="upload-open">
            {t("resources.upload.open")}
          </Link>
        </p>
      )}
      {cancelled && <p className="notice">{t("resources.upload.cancelled")}</p>}
      {error instanceof UploadError && <UploadProblemPanel problem={error.problem} />}
      {error && !cancelled && !(error instanceof UploadError) && <ErrorPanel error={error} />}
    </form>
  );
}
