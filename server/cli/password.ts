import { generatePassword } from '../modules/auth/password.js';
import { resetPasswordRequest } from '../../shared/contracts/users.js';
import type { CliIo } from './io.js';
import { CancelledError, UsageError } from './errors.js';

export type ChosenPassword = { password: string; generated: boolean };

/**
 * The password for create-user and reset-password: --password, else CC_PASSWORD, else asked on the
 * terminal twice (Enter for a generated one), else generated. A generated password is printed once
 * by the caller. Checked against the same rule as the API.
 */
export async function choosePassword(flag: string | undefined, io: CliIo): Promise<ChosenPassword> {
  let chosen: ChosenPassword;
  const fromEnv = io.env.CC_PASSWORD;
  if (flag !== undefined) chosen = { password: flag, generated: false };
  else if (fromEnv) chosen = { password: fromEnv, generated: false };
  else if (io.interactive) {
    const first = await io.readSecret('密码，直接回车自动生成 (password; press Enter to generate one): ');
    if (first === '') return { password: generatePassword(), generated: true };
    const second = await io.readSecret('再输入一次 (repeat it): ');
    if (first !== second) throw new CancelledError('两次输入的密码不一致，未做任何更改 (the passwords differ; nothing changed)');
    chosen = { password: first, generated: false };
  } else chosen = { password: generatePassword(), generated: true };

  const checked = resetPasswordRequest.safeParse({ password: chosen.password });
  if (!checked.success) {
    throw new UsageError(`密码不符合要求 (password rejected): ${checked.error.issues.map((i) => i.message).join('; ')}`);
  }
  return chosen;
}

/** The line that shows a generated password, once. */
export function generatedPasswordLine(chosen: ChosenPassword): string | null {
  return chosen.generated ? `生成的密码，只显示这一次 (generated password, shown once): ${chosen.password}` : null;
}
