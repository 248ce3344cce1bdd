// Summarises a V8 .cpuprofile (from YAOSU_BENCH_PROFILE=1 npm run bench): where the server's CPU
// time went, by self time per function and per package (node_modules/<pkg>, dist/<dir>, node:).
//
//   node bench/tools/profile-summary.mjs bench/results/<timestamp>/http-auth/yaosu.cpuprofile [top=25]
//
// Also prints inclusive ("total") time for frames whose name or URL contains a --focus string:
//   node bench/tools/profile-summary.mjs <file> 25 --focus=jwtVerify --focus=findSessionPrincipal

import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
const top = Number(args.find((a) => /^\d+$/.test(a)) ?? 25);
const focus = args.filter((a) => a.startsWith("--focus=")).map((a) => a.slice("--focus=".length));
const callersOf = args.filter((a) => a.startsWith("--callers=")).map((a) => a.slice("--callers=".length));
if (!file) {
  console.error("usage: node bench/tools/profile-summary.mjs <file.cpuprofile> [top] [--focus=name…]");
  process.exit(2);
}

const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// self time per node from samples × time deltas (µs)
const self = new Map();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self.entries()]
  .filter(([id]) => ["(idle)", "(program)"].includes(nodes.get(id).callFrame.functionName))
  .reduce((a, [, t]) => a + t, 0);

const where = (cf) => {
  const url = cf.url ?? "";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const d = /\/dist\/(.+)$/.exec(url);
  if (d) return `dist/${d[1].split("/").slice(0, 2).join("/")}`;
  if (url.startsWith("node:")) return url;
  if (!url) return `(${cf.functionName || "native"})`;
  return url.replace(/^file:\/\//, "");
};
const fnLabel = (cf) => `${cf.functionName || "(anonymous)"} ${where(cf)}:${cf.lineNumber + 1}`;

const add = (map, key, t) => map.set(key, (map.get(key) ?? 0) + t);
const byFn = new Map();
const byPkg = new Map();
for (const [id, t] of self) {
  const cf = nodes.get(id).callFrame;
  add(byFn, fnLabel(cf), t);
  add(byPkg, where(cf), t);
}

const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
const pct = (us, of) => `${((100 * us) / of).toFixed(1).padStart(5)} %`;
const busy = total - idle;
console.log(`${file}`);
console.log(
  `sampled ${ms(total)}; idle/program ${ms(idle)}; busy ${ms(busy)} (percentages below are of busy)`,
);
const IDLE = new Set(["((idle))", "((program))", "(idle) ((idle)):0", "(program) ((program)):0"]);
const show = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...map.entries()]
    .filter(([k]) => !IDLE.has(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    console.log(`${ms(t)} ${pct(t, busy)}  ${k}`);
};
show("self time by package / file", byPkg);
show("self time by function", byFn);

if (focus.length) {
  // inclusive time: a sample counts for every distinct focused frame on its stack
  const inclusive = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = nodes.get(cur).callFrame;
      for (const f of focus) {
        if ((cf.functionName === f || (cf.url ?? "").includes(f)) && !seen.has(f)) {
          seen.add(f);
          add(inclusive, f, profile.timeDeltas[i] ?? 0);
        }
      }
    }
  });
  console.log("\ninclusive time of focused frames");
  for (const f of focus)
    console.log(`${ms(inclusive.get(f) ?? 0)} ${pct(inclusive.get(f) ?? 0, busy)}  ${f}`);
}

for (const name of callersOf) {
  // self time of frames named `name`, split by the stack of their nearest 6 callers
  const stacks = new Map();
  for (const [id, t] of self) {
    if (nodes.get(id).callFrame.functionName !== name) continue;
    const chain = [];
    for (let cur = parent.get(id); cur !== undefined && chain.length < 6; cur = parent.get(cur))
      chain.push(fnLabel(nodes.get(cur).callFrame));
    add(stacks, chain.join(" < "), t);
  }
  console.log(`\ncallers of ${name}`);
  for (const [k, t] of [...stacks.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`${ms(t)}  ${k}`);
}
