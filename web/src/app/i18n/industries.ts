// GB/T 4754-2017 sections as the portal shows them ("G 交通运输、仓储和邮政业"): the Chinese names
// come from the server's vocabulary (src/lib/vocab), the English ones are kept here, once.
import { INDUSTRIES, type Industry } from "../../../../src/lib/vocab/gb4754.js";

const labelled = (names: Record<Industry, string>) =>
  Object.fromEntries(Object.entries(names).map(([code, name]) => [code, `${code} ${name}`])) as Record<
    Industry,
    string
  >;

export const industryLabels = {
  "zh-CN": labelled(INDUSTRIES),
  en: labelled({
    A: "Agriculture, forestry, animal husbandry and fishery",
    B: "Mining",
    C: "Manufacturing",
    D: "Electricity, heat, gas and water production and supply",
    E: "Construction",
    F: "Wholesale and retail trade",
    G: "Transport, storage and postal services",
    H: "Accommodation and catering",
    I: "Information transmission, software and IT services",
    J: "Finance",
    K: "Real estate",
    L: "Leasing and business services",
    M: "Scientific research and technical services",
    N: "Water conservancy, environment and public facilities management",
    O: "Resident, repair and other services",
    P: "Education",
    Q: "Health and social work",
    R: "Culture, sports and entertainment",
    S: "Public administration, social security and social organisations",
    T: "International organisations",
  }),
};
