import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.js';

const pkg: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The package version, reported by /api/health and written into backups. */
export const APP_VERSION: string =
  typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0.0.0';
