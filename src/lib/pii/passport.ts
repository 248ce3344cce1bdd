/**
 * Passport numbers of the People's Republic of China. They carry no check character of their own
 * (only the MRZ does), so a passport is recognised by shape alone and confidence stays moderate:
 * product codes such as "E20240315" look exactly alike. A column-name hint decides.
 *
 * Shapes: ordinary passports E + 8 digits (2012 e-passport), E + letter + 7 digits once the digit
 * series ran out (EA…, no I/O), G + 8 digits (pre-2012); diplomatic D/DE, service S/SE and public
 * affairs P/PE + 7 digits.
 */
const SHAPES: readonly [RegExp, number][] = [
  [/^E\d{8}$/, 0.75],
  [/^E[A-HJ-NP-Z]\d{7}$/, 0.75],
  [/^G\d{8}$/, 0.65],
  [/^(?:DE|SE|PE)\d{7}$/, 0.6],
  [/^[DSP]\d{7}$/, 0.5],
];

export function passportConfidence(value: string): number {
  if (value.length < 8 || value.length > 9) return 0;
  const v = value.toUpperCase();
  for (const [shape, confidence] of SHAPES) if (shape.test(v)) return confidence;
  return 0;
}
