import readline from 'node:readline/promises';
import { CancelledError } from './errors.js';

/** Asks a yes/no question on the terminal; only the answer `yes` (or `y`) agrees. Ctrl-C cancels. */
export async function confirmOnTerminal(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  const controller = new AbortController();
  rl.once('SIGINT', () => controller.abort());
  try {
    const answer = await rl.question(question, { signal: controller.signal });
    return ['yes', 'y'].includes(answer.trim().toLowerCase());
  } catch {
    throw new CancelledError('已取消，未做任何更改 (cancelled; nothing changed)');
  } finally {
    rl.close();
  }
}

/** Reads a line from the terminal without echoing it (for passwords). Ctrl-C cancels. */
export async function readSecretFromTerminal(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string | Buffer) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new CancelledError('已取消，未做任何更改 (cancelled; nothing changed)'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
