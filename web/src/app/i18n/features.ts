// Each feature's own messages, mounted under its namespace in both languages (zh-CN.ts and en.ts
// spread these; a feature's messages.ts types its English against its Chinese).
import { catalogMessages } from "../../features/catalog/messages.js";
import { certificateMessages } from "../../features/certificates/messages.js";
import { noticeMessages } from "../../features/notices/messages.js";
import { qualityMessages } from "../../features/quality/messages.js";
import { registrationMessages } from "../../features/registrations/messages.js";
import { resourceMessages } from "../../features/resources/messages.js";
import { rightsMessages } from "../../features/rights/messages.js";
import { sourceRequestMessages } from "../../features/source-requests/messages.js";

const mounted = (lang: "zh-CN" | "en") => ({
  registrations: registrationMessages[lang],
  notices: noticeMessages[lang],
  certificates: certificateMessages[lang],
  catalog: catalogMessages[lang],
  resources: resourceMessages[lang],
  rights: rightsMessages[lang],
  sourceRequests: sourceRequestMessages[lang],
  quality: qualityMessages[lang],
});

export const featureMessages = { "zh-CN": mounted("zh-CN"), en: mounted("en") };
