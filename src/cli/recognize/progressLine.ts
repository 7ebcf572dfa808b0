import type { CliIo } from '../cliTypes';

/** At most one progress line in this many milliseconds (and always the last one). */
const PROGRESS_INTERVAL_MS = 200;

/** Prints `N/M` progress lines on stderr, throttled, so a 10,000-file run does not flood the terminal. */
export function progressLine(io: CliIo, total: number): (done: number) => void {
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (done < total && done !== 1 && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    io.err(`${done}/${total}`);
  };
}
