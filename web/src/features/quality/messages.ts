// Strings of the quality loop (质量反馈与数据异议, SG-7), mounted under "quality" in the app's
// resource files; also the deadline wording shared with the copy requests (PR-5). en
// (messages.en.ts) is typed as these, so a missing or extra key fails tsc.
import { en } from "./messages.en.js";

const zhCN = {
  title: "质量反馈",
  intro:
    "任何参与主体都可以对已登记的数据资源提出质量反馈或数据异议；持有方须在期限内答复（接受并说明整改计划，或提出异议理由）。未解决的可上报交易场所和数据管理部门处理。",
  deadline: {
    due: "答复期限 {{date}}（{{relative}}）",
    overdue: "已逾期：期限 {{date}}（{{relative}}）",
    settled: "期限：{{date}}",
    overdueBadge: "已逾期",
    soonBadge: "即将到期",
  },
  kind: { quality: "质量反馈", objection: "数据异议" },
  dimension: {
    completeness: "完整性",
    accuracy: "准确性",
    timeliness: "及时性",
    consistency: "一致性",
    other: "其他",
  },
  status: {
    open: "待持有方答复",
    responded: "持有方已答复",
    resolved: "已解决",
    escalated: "已上报",
    decided: "已裁决",
  },
  response: { accept: "接受", dispute: "有异议" },
  decision: { upheld: "反馈成立", dismissed: "反馈不成立" },
  resource: {
    title: "数据资源的质量反馈",
    open: "查看登记信息",
    certificate: "登记证书",
    summary: "反馈统计",
    counts: {
      total: "合计",
      open: "待答复",
      overdue: "其中逾期",
      responded: "已答复",
      resolved: "已解决",
      escalated: "已上报",
      decided: "已裁决",
    },
    loginToFile: "登录后可提出质量反馈或数据异议",
    holderCannotFile: "您是该数据资源的持有方，不能对自己的资源提出反馈；收到的反馈见下方。",
    choose: "在数据资源目录中选择一项已登记的数据资源，点击“质量反馈”即可查看和提出反馈。",
    toCatalog: "前往数据资源目录",
  },
  form: {
    title: "提出反馈",
    kind: "类型",
    dimension: "质量维度",
    text: "反馈内容",
    textHint: "具体说明问题：哪些字段、时间段、记录，以及您观察到的情况。请勿填写他人的个人信息。",
    evidence: "证据（可选）",
    evidenceHint: "每行一条：网址、存证条目编号或文件哈希，最多 20 条",
    submit: "提交反馈",
    submitting: "正在提交…",
    filed: "已提交。持有方须在 {{date}} 前答复。",
  },
  lists: {
    filed: "我提交的反馈",
    received: "我方收到的反馈（须答复）",
    escalated: "上报至监管的反馈",
    overdue: "逾期未答复的反馈",
    empty: "暂无。",
    filedAt: "提交于 {{date}}",
    filer: "提出方：{{name}}",
    holder: "持有方：{{name}}",
    resource: "数据资源：",
    evidence: "证据",
    responseTitle: "持有方答复（{{response}}）",
    respondedLate: "逾期答复",
    decisionTitle: "裁决：{{decision}}",
  },
  actions: {
    respond: "答复",
    accept: "接受并说明整改计划",
    dispute: "提出异议",
    plannedFix: "整改计划",
    reasons: "异议理由",
    sendResponse: "提交答复",
    resolve: "确认已解决",
    escalate: "上报交易场所和监管部门",
    escalateWait: "持有方答复或答复期限届满后才能上报。",
    decide: "作出裁决",
    decision: "裁决结果",
    decisionReason: "裁决理由",
    sendDecision: "提交裁决",
    cancel: "取消",
  },
};

export type QualityMessages = typeof zhCN;

export const qualityMessages = { "zh-CN": zhCN, en };
