// Sends a file to the node with XMLHttpRequest: the browser streams the File from disk as the
// request body (no base64, no JSON), and XHR is what reports upload progress (fetch does not).
import { API_BASE } from "../../app/api.js";
import { getSession } from "../../app/session.js";
import type { Dataset } from "./model.js";
import { percentOf, readProblem, type UploadProblem, uploadTarget } from "./upload.js";

export class UploadError extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem.message || problem.code);
    this.name = "UploadError";
  }
}

export interface SendOptions {
  name: string;
  onProgress: (percent: number) => void;
  signal?: AbortSignal;
}

export function sendDataset(file: File, options: SendOptions): Promise<Dataset> {
  const target = uploadTarget(file.name, options.name, API_BASE);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", target.url);
    xhr.setRequestHeader("Content-Type", target.contentType);
    xhr.setRequestHeader("Accept", "application/json");
    const token = getSession()?.accessToken;
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.upload.onprogress = (e) =>
      options.onProgress(percentOf(e.loaded, e.lengthComputable ? e.total : file.size));
    xhr.upload.onload = () => options.onProgress(100);
    xhr.onload = () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as Dataset);
      else reject(new UploadError(readProblem(xhr.status, xhr.responseText)));
    };
    xhr.onerror = () => reject(new UploadError(readProblem(0, "")));
    xhr.onabort = () => reject(new DOMException("upload cancelled", "AbortError"));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
