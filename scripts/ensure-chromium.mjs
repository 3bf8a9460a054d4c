// Makes sure the system Chromium (and Chinese fonts, so screenshots show 链长通 and not boxes) are
// there for the browser tests. Playwright never downloads its own browser in this project.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(command) {
  const result = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    console.error(`失败 (failed): ${command}`);
    process.exit(result.status ?? 1);
  }
}

function hasChineseFont() {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '';
}

const missing = [];
if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
if (!hasChineseFont()) missing.push('fonts-noto-cjk');

if (missing.length > 0) {
  if (!fs.existsSync(CHROMIUM) && !isRoot) {
    console.error(`浏览器测试需要 ${CHROMIUM} (browser tests need it): sudo apt-get install -y chromium fonts-noto-cjk`);
    process.exit(1);
  }
  if (isRoot) {
    console.log(`安装 (installing): ${missing.join(' ')}`);
    run(`apt-get update && apt-get install -y ${missing.join(' ')}`);
  } else {
    // Chromium is there; without Chinese fonts the tests still pass, only screenshots suffer.
    console.warn('提示 (hint): no Chinese font found; install one with: sudo apt-get install -y fonts-noto-cjk');
  }
}
