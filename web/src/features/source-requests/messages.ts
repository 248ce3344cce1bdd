// Strings of the data-source copy requests (数据来源者权利, PR-5), mounted under "sourceRequests"
// in the app's resource files. en (messages.en.ts) is typed as these, so a missing or extra key
// fails tsc.
import { en } from "./messages.en.js";

const zhCN = {
  title: "数据来源者权利",
  intro:
    "个人或组织可以请求已登记数据资源的持有方提供与本人（本单位）有关的数据副本。持有方在本方节点内按标识匹配，只导出与您有关的记录，不会暴露其他记录；持有方须在期限内答复，逾期情况由数据管理部门监督。",
  status: { submitted: "待持有方处理", fulfilled: "已提供副本", refused: "已拒绝", withdrawn: "已撤回" },
  identifierKind: {
    resident_id: "居民身份证号",
    uscc: "统一社会信用代码",
    mobile: "手机号码",
    email: "电子邮箱",
    other: "其他标识",
  },
  format: { csv: "CSV", json: "JSON" },
  deadlineLabel: "答复期限 {{date}}（{{relative}}）",
  deadlineOverdue: "已逾期：期限 {{date}}（{{relative}}）",
  form: {
    title: "请求数据副本",
    search: "查找数据资源",
    searchHint: "在已登记的数据资源中检索，例如名称、关键词或持有方",
    searchButton: "检索",
    results: "检索结果",
    noResults: "没有找到已登记的数据资源。",
    pick: "选择",
    picked: "已选择：{{name}}",
    change: "重新选择",
    holder: "持有方：{{name}}",
    kind: "标识类型",
    value: "标识值",
    valueHint:
      "用于在持有方数据中匹配与您有关的记录。提交后只保存其掩码和带密钥的哈希，页面上不会再显示原值。身份证号、信用代码、手机、邮箱须与您准入时登记的信息一致。",
    note: "说明（可选）",
    noteHint: "您希望获得哪些数据；请不要在此填写任何标识",
    submit: "提交请求",
    submitting: "正在提交…",
    pickFirst: "请先选择一项数据资源。",
    submitted: "已提交。持有方须在 {{date}} 前答复。",
  },
  list: {
    mine: "我提出的请求",
    received: "向我方提出的请求",
    overdue: "逾期未答复的请求",
    empty: "暂无请求。",
    resource: "数据资源",
    identifier: "标识",
    verified: "已与准入身份核对",
    unverified: "未核对（其他标识）",
    status: "状态",
    deadline: "期限",
    answeredAt: "答复于 {{date}}",
    answeredLate: "逾期答复",
    refusal: "拒绝理由：{{reason}}",
    copy: "副本：{{rows}} 条记录，{{format}}，{{bytes}} 字节",
    copySha: "SHA-256",
    download: "下载副本",
    downloading: "正在下载…",
    withdraw: "撤回请求",
    requester: "请求方",
    holder: "持有方",
    note: "说明",
    actions: "操作",
  },
  holder: {
    fulfil: "提供副本",
    column: "标识所在的列",
    columnHint: "节点在这一列中匹配请求方的标识，只导出匹配到的记录",
    columnOther: "其他列（手动输入）",
    columnName: "列名",
    format: "副本格式",
    fulfilSubmit: "在节点内匹配并提供副本",
    fulfilling: "正在匹配…",
    refuse: "拒绝",
    refuseReason: "拒绝理由",
    refuseHint: "请求方可以看到此理由，例如：本数据集不包含个人数据",
    refuseSubmit: "确认拒绝",
    cancel: "取消",
    fulfilled: "已提供：匹配到 {{rows}} 条记录。",
  },
  overseer: {
    intro: "逾期未答复的请求，供数据管理部门和交易场所督办。",
  },
};

export type SourceRequestMessages = typeof zhCN;

export const sourceRequestMessages = { "zh-CN": zhCN, en };
