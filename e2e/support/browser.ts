/** The system Chromium and its flags, shared by the browser tests (playwright.config.ts) and `npm run screenshots`. */
export const CHROMIUM_LAUNCH_OPTIONS = {
  // The system Chromium: Playwright never downloads a browser in this project.
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
