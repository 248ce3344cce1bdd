/**
 * What a column's name says. Names are strong evidence where values are free-form (names,
 * addresses) and settle ambiguous shapes (a date is a birth date under 出生日期, not under 下单时间).
 * Chinese names are matched as substrings; English and pinyin ones by whole word after splitting
 * camelCase and snake_case, so "zip" is not "ip" and "username" is not "name".
 */
import type { PiiLabel } from "./labels.js";

export interface ColumnHint {
  /** labels the name points to, strongest first; empty when the name says nothing */
  labels: readonly PiiLabel[];
  /** an event date (成立/下单/created…): dates here are not birth dates */
  eventDate: boolean;
  /** the name of a thing (名称/产品/company…): short Chinese strings here are not people */
  thingName: boolean;
}

type Words = readonly string[];
interface Rule {
  zh?: RegExp;
  en?: (w: Words) => boolean;
  labels: readonly PiiLabel[];
}

const has = (w: Words, ...any: string[]) => any.some((a) => w.includes(a));
const PERSON_WORDS = ["full", "real", "person", "customer", "contact", "first", "last", "given", "family"];
const PERSON_ROLES = ["patient", "employee", "owner", "holder", "applicant", "member", "student", "legal"];

// Ordered: the first rule that matches wins ("IP地址" is an IP address, not an address).
const RULES: readonly Rule[] = [
  { en: (w) => has(w, "ip", "ipv4", "ipv6", "ipaddr", "ipaddress"), labels: ["ip_address"] },
  { zh: /邮箱|电子邮件|邮件地址/, en: (w) => has(w, "email", "mail", "emails"), labels: ["email"] },
  { zh: /护照/, en: (w) => has(w, "passport"), labels: ["passport"] },
  {
    zh: /身份证|公民身份号码|身份号码|证件号/,
    en: (w) =>
      has(w, "idcard", "idno", "idnumber", "sfz", "sfzh", "sfzhm", "identity", "nric") ||
      (has(w, "id") && has(w, "card", "no", "number", "num", "citizen", "national", "resident")),
    labels: ["resident_id", "passport"],
  },
  {
    zh: /统一社会信用代码|信用代码|纳税人识别号|税号/,
    en: (w) => has(w, "uscc", "taxid") || (has(w, "credit") && has(w, "code")),
    labels: ["uscc"],
  },
  {
    zh: /银行卡|卡号|银行账号|银行账户|账号|账户/,
    en: (w) =>
      has(w, "bank", "cardno", "pan", "iban") || (has(w, "card", "account") && has(w, "no", "number", "num")),
    labels: ["bank_card"],
  },
  {
    zh: /车牌|号牌|牌照/,
    en: (w) => has(w, "plate", "plateno", "carno") || (has(w, "car", "vehicle") && has(w, "no", "number")),
    labels: ["plate"],
  },
  { zh: /手机|移动电话/, en: (w) => has(w, "mobile", "cell", "cellphone", "shouji"), labels: ["mobile"] },
  { zh: /座机|固话|固定电话|办公电话/, en: (w) => has(w, "landline", "fax"), labels: ["landline"] },
  {
    zh: /电话|联系方式|联系号码/,
    en: (w) => has(w, "phone", "tel", "telephone", "dianhua"),
    labels: ["mobile", "landline"],
  },
  {
    zh: /经度|纬度|经纬度|坐标|定位/,
    en: (w) =>
      has(w, "lat", "lng", "lon", "latitude", "longitude", "coord", "coords", "coordinates", "gps", "geo"),
    labels: ["coordinate"],
  },
  {
    zh: /地址|住址|住所|居住地|户籍|籍贯|出生地|所在地/,
    en: (w) => has(w, "address", "addr", "street", "residence", "dizhi"),
    labels: ["address"],
  },
  {
    zh: /出生|生日|诞辰/,
    en: (w) => has(w, "birth", "birthday", "birthdate", "dob", "bday", "born"),
    labels: ["birth_date"],
  },
  {
    zh: /姓名|名字|联系人|收件人|收货人|负责人|法定代表人|法人代表|持卡人|户主|申请人|经办人|患者|乘客|员工|学生/,
    en: (w) =>
      has(w, "fullname", "realname", "xingming", "xm") ||
      (has(w, "name") && (w.length === 1 || has(w, ...PERSON_WORDS, ...PERSON_ROLES))),
    labels: ["person_name"],
  },
];

const EVENT_ZH =
  /成立|注册|创建|更新|修改|下单|订单|交易|支付|付款|发货|签订|签约|入职|开户|登记|发布|生效|到期|截止/;
const EVENT_EN = [
  "created",
  "updated",
  "modified",
  "order",
  "paid",
  "payment",
  "ship",
  "shipped",
  "established",
];
const EVENT_EN_MORE = [
  "founded",
  "registered",
  "start",
  "end",
  "expire",
  "expiry",
  "deadline",
  "timestamp",
  "ts",
];
const THING_ZH = /名称|公司|企业|单位|机构|产品|商品|品名|商户|店铺|门店|部门/;
const THING_EN = [
  "company",
  "org",
  "organization",
  "product",
  "item",
  "goods",
  "shop",
  "store",
  "brand",
  "file",
];
const THING_EN_MORE = ["city", "province", "merchant", "dept", "department", "table", "column", "field"];

/** Lower-case words of an identifier: "idCardNo" → id card no, "ip_address" → ip address. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function columnHint(name: string): ColumnHint {
  const words = nameWords(name);
  const rule = RULES.find((r) => r.zh?.test(name) || r.en?.(words));
  return {
    labels: rule?.labels ?? [],
    eventDate: EVENT_ZH.test(name) || has(words, ...EVENT_EN, ...EVENT_EN_MORE),
    thingName: THING_ZH.test(name) || has(words, ...THING_EN, ...THING_EN_MORE),
  };
}
