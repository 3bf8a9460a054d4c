/** The work modules of the platform, in menu order. Each has a route in `paths`, a menu label `nav.<key>` and a description `comingSoon.<key>`. */
export const WORK_MODULES = [
  'chains',
  'enterprises',
  'monitoring',
  'warnings',
  'figures',
  'investment',
  'projects',
  'parks',
  'regions',
  'industries',
  'problems',
  'supervision',
  'reports',
] as const;
export type WorkModule = (typeof WORK_MODULES)[number];

/** Modules with their own pages; the others show a coming-soon page at their path. */
export const BUILT_MODULES: readonly WorkModule[] = [
  'enterprises',
  'chains',
  'parks',
  'regions',
  'industries',
  'figures',
  'warnings',
  'problems',
  'supervision',
  'investment',
  'projects',
  'reports',
];
