import { formatLogLine } from './log-format';

const COLORS = { cyan: 36, magenta: 35, yellow: 33, gray: 90 } as const;
export type PrefixColor = keyof typeof COLORS;

const useColor = process.stdout.isTTY === true && !process.env.NO_COLOR;

function paint(text: string, color: PrefixColor): string {
  return useColor ? `\u001b[${COLORS[color]}m${text}\u001b[0m` : text;
}

/** An onLine handler that prints a server's output as `name   | readable line`. */
export function prefixedPrinter(name: string, color: PrefixColor): (line: string) => void {
  const prefix = paint(`${name.padEnd(6)} |`, color);
  return (line) => {
    for (const part of formatLogLine(line).split('\n')) process.stdout.write(`${prefix} ${part}\n`);
  };
}

/** Progress messages of the start script itself. */
export function say(message: string): void {
  process.stdout.write(`${paint('start  |', 'yellow')} ${message}\n`);
}
