/**
 * Progress of `npm run data`: a bar redrawn in place on a terminal, plain lines
 * (each phase's start and end, and every 10 %) when the output is a file or a
 * pipe. Written to stderr, so stdout keeps only the summary.
 */
export type ProgressFn = (phase: string, done: number, total: number) => void;

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export function progressReporter(stream: ProgressStream, now: () => number = () => Date.now()): ProgressFn & { end(): void } {
  let phase = '';
  let lastStep = -1;
  let lastDraw = 0;
  let drawn = false;
  const tty = stream.isTTY === true;

  const report = (name: string, done: number, total: number): void => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const percent = Math.floor(fraction * 100);
    if (tty) {
      const t = now();
      if (name === phase && done < total && t - lastDraw < 100) return;
      lastDraw = t;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - name.length - 30));
      const full = Math.round(fraction * width);
      const bar = `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
      if (name !== phase && drawn) stream.write('\n');
      stream.write(`\r${name.padEnd(18)} ${bar} ${String(percent).padStart(3)}% ${total > 1 ? `${done}/${total}` : ''}\u001b[K`);
      drawn = true;
      phase = name;
      return;
    }
    const step = Math.floor(percent / 10);
    if (name !== phase) {
      phase = name;
      lastStep = -1;
    }
    if (step === lastStep) return;
    lastStep = step;
    if (done === 0 && total <= 1) stream.write(`${name}…\n`);
    else if (total <= 1) stream.write(`${name}: done\n`);
    else stream.write(`${name}: ${done}/${total} (${percent}%)\n`);
  };
  return Object.assign(report, {
    end(): void {
      if (tty && drawn) stream.write('\n');
      drawn = false;
    },
  });
}
