/**
 * Postal addresses written the Chinese way, from the largest unit down: 省/市/区(县) … 路(街, 巷)
 * … 号 … 栋/单元/室. An address is recognised by how many of those levels it has; company names
 * contain 省 and 市 too, but never a street or a house number.
 */
import { HAN } from "./text.js";

const ADMIN = /(?:省|自治区|特别行政区|市|自治州|地区|盟|区|县|旗|镇|乡|街道)/g;
// Streets, and the names of estates and buildings that take the street's place (…苑, …中心).
const STREET = /(?:路|街|大道|道|巷|弄|胡同|里|村|屯|组|社区|小区|花园|公寓|大厦|广场|中心|苑|府|城|桥)/g;
const HOUSE = /(?:\d+|[一二三四五六七八九十百]+)\s*(?:号|栋|幢|座|单元|楼|层|室|户|弄)/g;
// An organisation's name ends in one of these; "…路1号XX大厦" is an address, "XX有限公司" is not.
const ORG_END =
  /(?:公司|集团|中心|局|厅|委员会|委|办|政府|部|处|署|银行|医院|学校|大学|学院|研究所|研究院|协会|厂|店|馆|站)$/;

const count = (value: string, re: RegExp) => value.match(re)?.length ?? 0;

export function addressConfidence(value: string): number {
  if (value.length < 5 || value.length > 120) return 0;
  const han = value.match(new RegExp(`[${HAN}]`, "g"))?.length ?? 0;
  if (han < 3) return 0;
  const admin = count(value, ADMIN);
  const street = count(value, STREET);
  const house = count(value, HOUSE);
  if (house === 0 && ORG_END.test(value)) return 0;
  if (house > 0 && street > 0) return admin > 0 ? 0.95 : 0.85;
  if (house > 0 && admin > 0) return 0.75;
  if (admin >= 2 && street > 0) return 0.7;
  if (house > 0 && han >= 3) return 0.45;
  return admin >= 2 ? 0.3 : 0;
}

/**
 * How much of an address may be shown: the administrative prefix up to the district or county
 * (…省…市…区), at most 12 characters, never the street or the house.
 */
export function addressPrefix(value: string): string {
  const head = value.slice(0, 12);
  // Stop before the first street word or digit: what follows identifies the household.
  const streetAt = head.search(/[路街道巷弄胡同里村\d]/);
  const limit = streetAt < 0 ? head.length : streetAt;
  let end = 0;
  for (const m of head.matchAll(/省|自治区|市|区|县|旗/g)) {
    const after = (m.index ?? 0) + m[0].length;
    if (after <= limit) end = after;
  }
  return head.slice(0, end);
}
