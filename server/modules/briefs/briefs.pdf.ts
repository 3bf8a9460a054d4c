// PDF of a brief: the .docx converted by LibreOffice (`soffice --headless --convert-to pdf`) in a
// temporary directory with its own profile (conversions may run side by side) and a time limit.
// Without LibreOffice the export answers 503 saying what to install.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../lib/errors.js';

const TIMEOUT_MS = 120_000;

/** The LibreOffice binary (`BRIEFS_SOFFICE` or `soffice`/`libreoffice` on the PATH), or null. */
export function sofficePath(): string | null {
  const configured = process.env.BRIEFS_SOFFICE;
  if (configured) return fs.existsSync(configured) ? configured : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = path.join(dir, name);
      if (dir !== '' && fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** Converts .docx bytes to PDF bytes with LibreOffice (503 when it is not installed). */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = sofficePath();
  if (soffice === null) throw new AppError('service_unavailable', { messageKey: 'briefs.error.pdfUnavailable' });
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'brief-pdf-'));
  try {
    const input = path.join(dir, 'brief.docx');
    await fs.promises.writeFile(input, docx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
        { timeout: TIMEOUT_MS, env: { ...process.env, HOME: dir } },
        (error, _stdout, stderr) =>
          error
            ? reject(
                new AppError('service_unavailable', {
                  messageKey: 'briefs.error.pdfFailed',
                  params: { reason: stderr.trim() || error.message },
                }),
              )
            : resolve(),
      );
    });
    const output = path.join(dir, 'brief.pdf');
    if (!fs.existsSync(output)) {
      throw new AppError('service_unavailable', { messageKey: 'briefs.error.pdfFailed', params: { reason: 'no PDF written' } });
    }
    return await fs.promises.readFile(output);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
