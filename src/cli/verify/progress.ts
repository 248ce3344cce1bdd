import { Presets, SingleBar } from "cli-progress";

// Progress of `yaosu verify log` on stderr (stdout carries only the verdict): a live bar on a
// terminal, otherwise a plain line every few seconds so CI logs show the audit is moving.

export interface Progress {
  start(total: number): void;
  update(entries: number, checkpoints: number): void;
  stop(): void;
}

const LINE_INTERVAL_MS = 5_000;

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  const bar = new SingleBar(
    {
      stream,
      format:
        "verify log |{bar}| {percentage}% | {value}/{total} entries | {checkpoints} checkpoints | eta {eta_formatted}",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { checkpoints: 0 }),
    update: (entries, checkpoints) => bar.update(entries, { checkpoints }),
    stop: () => bar.stop(),
  };
}

function lineProgress(stream: NodeJS.WriteStream): Progress {
  let total = 0;
  let last = 0;
  let started = 0;
  const line = (entries: number, checkpoints: number) => {
    const pct = total === 0 ? 100 : Math.floor((entries / total) * 100);
    stream.write(`verify log: ${entries}/${total} entries (${pct}%), ${checkpoints} checkpoints\n`);
  };
  return {
    start(n) {
      total = n;
      started = Date.now();
      last = started;
    },
    update(entries, checkpoints) {
      const now = Date.now();
      if (now - last < LINE_INTERVAL_MS) return;
      last = now;
      line(entries, checkpoints);
    },
    stop() {
      if (last !== started)
        stream.write(`verify log: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
