// Strings of the public notice page (登记公示), mounted under "notices". en is typed as zh-CN.
const zhCN = {
  title: "登记公示",
  intro:
    "以下数据资源已通过形式审查，正在公示。公示期内，任何已登录的市场参与方（持有方除外）均可提出异议，并附理由和证据材料；交易场所审核员将逐一处理。",
  empty: "当前没有公示中的登记。",
  holder: "持有方",
  classGrade: "分类分级",
  endsAt: "公示截止",
  remaining: "剩余 {{days}} 天",
  ended: "公示期已满",
  details: "详情",
  object: "提出异议",
  loginToObject: "登录后可提出异议",
  yours: "这是您的登记",
  reasons: "异议理由",
  reasonsHint: "说明您认为该登记不应通过的理由，例如权属争议、来源不合法。",
  evidence: "证据材料",
  evidenceHint: "每行一项：链接、存证条目编号、文件编号等，最多 20 项。",
  tooMuchEvidence: "证据材料最多 20 项。",
  submit: "提交异议",
  submitting: "提交中…",
  filed: "异议已提交，交易场所将审查处理。",
  verifyCertificate: "核验登记证书",
};

export type NoticeMessages = typeof zhCN;

const en: NoticeMessages = {
  title: "Public notices",
  intro:
    "These data resources have passed formal review and are in public notice. While the notice runs, any signed-in market participant other than the holder may object, with reasons and evidence; the exchange's reviewers decide each objection.",
  empty: "Nothing is in public notice right now.",
  holder: "Holder",
  classGrade: "Class and grade",
  endsAt: "Notice ends",
  remaining: "Days left: {{days}}",
  ended: "Notice period over",
  details: "Details",
  object: "Object",
  loginToObject: "Log in to object",
  yours: "This is your registration",
  reasons: "Reasons",
  reasonsHint: "Why this registration should not pass, e.g. disputed ownership or an unlawful source.",
  evidence: "Evidence",
  evidenceHint: "One per line: links, evidence entry numbers, document numbers; at most 20.",
  tooMuchEvidence: "At most 20 pieces of evidence.",
  submit: "File the objection",
  submitting: "Filing…",
  filed: "Objection filed; the exchange will review it.",
  verifyCertificate: "Verify a certificate",
};

export const noticeMessages = { "zh-CN": zhCN, en };
