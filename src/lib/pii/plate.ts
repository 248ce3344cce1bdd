/**
 * Motor-vehicle plates (GA 36): the one-character province abbreviation, the issuing office's
 * letter, then five characters — or six on new-energy plates (D/F for battery/hybrid at the start
 * on small cars, at the end on large ones). I and O are never used, so they are not mistaken for
 * 1 and 0. Police, embassy and the like have their own last character.
 */
const PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
const L = "A-HJ-NP-Z";

const ORDINARY = new RegExp(`^[${PROVINCES}][${L}][${L}0-9]{4}[${L}0-9挂学警港澳领试超]$`);
const NEW_ENERGY_SMALL = new RegExp(`^[${PROVINCES}][${L}][DF][${L}0-9]\\d{4}$`);
const NEW_ENERGY_LARGE = new RegExp(`^[${PROVINCES}][${L}]\\d{5}[DF]$`);

export function plateConfidence(value: string): number {
  if (value.length < 7 || value.length > 10) return 0;
  // "京A·12345", "京A 12345", "京a12345": separators and case vary by who typed the record.
  const v = value.toUpperCase().replace(/^(.)([A-Z])[\s·•.-]/u, "$1$2");
  if (NEW_ENERGY_SMALL.test(v) || NEW_ENERGY_LARGE.test(v)) return 0.92;
  if (!ORDINARY.test(v)) return 0;
  // Ordinary plates have at most two letters among the last five (GA 36-2018 numbering rules).
  const letters = v.slice(2).replace(/[^A-Z]/g, "").length;
  return letters <= 2 ? 0.9 : 0.5;
}

/** The province abbreviations, for masking (keep the issuing region, hide the serial). */
export const PLATE_PROVINCES = PROVINCES;
