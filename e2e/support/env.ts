/** Settings of the servers the browser tests start (see playwright.config.ts). The ports can be moved
 * (`E2E_PORT`, `E2E_DEMO_PORT`, `E2E_JOURNEY_PORT`) so two checkouts can run their browser tests side by side. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'e2e-admin-pass';

/** A second server with the Hengyang demo data, for the tests that read the published figures. */
export const E2E_DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 3101);
export const DEMO_PASSWORD = 'e2e-demo-pass';

/**
 * A third server, reference data only, for the review-and-publication journey (e2e/journey-*.spec.ts):
 * publishing a month moves every user's default month, so it runs where no other test reads.
 */
export const E2E_JOURNEY_PORT = Number(process.env.E2E_JOURNEY_PORT ?? 3102);
