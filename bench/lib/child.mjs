// Runs one measurement in a child process of its own, so that measurements never share a heap,
// a JIT warm-up or an event loop. The child gets its task as JSON in argv[2], may log to stderr
// (passed through), and prints its result as ONE JSON line, the last line of its stdout.
// With `profileDir` the child runs under --cpu-prof and writes `<profileName>.cpuprofile` there.

import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";

export async function runChild(
  script,
  task,
  { profileDir, profileName, env = {}, timeoutMs = 600_000 } = {},
) {
  const nodeArgs = [];
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    nodeArgs.push(
      "--cpu-prof",
      "--cpu-prof-dir",
      profileDir,
      "--cpu-prof-name",
      `${profileName ?? task.kind ?? "child"}.cpuprofile`,
    );
  }
  const child = spawn(process.execPath, [...nodeArgs, script, JSON.stringify(task)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  let stdout = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  const timer = setTimeout(() => {
    process.stderr.write(`${script} ${task.kind ?? ""} did not finish within ${timeoutMs} ms; killing it\n`);
    kill();
  }, timeoutMs);
  const { code, signal } = await new Promise((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  clearTimeout(timer);
  process.removeListener("exit", kill);
  const last = stdout.trim().split("\n").at(-1) ?? "";
  if (code !== 0)
    throw new Error(
      `${task.kind ?? "child"} exited with code ${code}, signal ${signal}: ${last.slice(0, 500)}`,
    );
  try {
    return JSON.parse(last);
  } catch {
    throw new Error(
      `${task.kind ?? "child"} printed ${JSON.stringify(last.slice(0, 500))} instead of a JSON result`,
    );
  }
}
