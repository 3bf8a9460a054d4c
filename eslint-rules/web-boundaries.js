// @ts-check
import path from 'node:path';

/**
 * Layers of the web app (issue 10). A feature (`web/features/<name>/`) imports only `web/lib`,
 * `web/components`, `web/hooks`, `web/config` and its own folder; what two features share moves down
 * into one of those. The shared layers import no feature and not the app shell (`web/app`), which is the
 * only place that composes features. The rule resolves relative specifiers against the file, so
 * `../../chains/api/get-chains` is caught as well as a path through `features/`.
 */

const SHARED_LAYERS = new Set(['lib', 'components', 'hooks', 'config']);

/**
 * Where a path sits in the web app: its top folder under `web/` and, inside `features/`, the feature.
 * @param {string} file a path with forward slashes
 * @returns {{ layer: string; feature: string | null } | null}
 */
function placeOf(file) {
  const match = /(?:^|\/)web\/([^/]+)(?:\/([^/]+))?/.exec(file);
  if (!match) return null;
  const layer = match[1] ?? '';
  return { layer, feature: layer === 'features' ? (match[2] ?? null) : null };
}

/** @type {import('eslint').Rule.RuleModule} */
const noCrossLayerImport = {
  meta: {
    type: 'problem',
    docs: {
      description: 'A web feature imports only web/lib, web/components, web/hooks, web/config and itself; shared layers import no feature.',
    },
    messages: {
      crossFeature:
        "Feature '{{from}}' imports feature '{{to}}'. Features import only web/lib, web/components, web/hooks, web/config and their own folder: move what both need down.",
      sharedImportsFeature:
        "web/{{from}} imports '{{target}}'. Shared layers import no feature and not web/app; pass what they need in instead.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename.split(path.sep).join('/');
    const here = placeOf(file);
    if (!here) return {};

    /** @param {import('estree').Node & { source?: unknown }} node */
    const check = (node) => {
      const source = node.source;
      if (!source || typeof source !== 'object' || !('value' in source) || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (!specifier.startsWith('.')) return;
      const target = placeOf(path.posix.join(path.posix.dirname(file), specifier));
      if (!target) return;
      if (here.layer === 'features' && target.layer === 'features' && target.feature !== here.feature) {
        context.report({ node: source, messageId: 'crossFeature', data: { from: here.feature ?? '?', to: target.feature ?? '?' } });
      } else if (here.layer === 'features' && target.layer === 'app') {
        context.report({ node: source, messageId: 'crossFeature', data: { from: here.feature ?? '?', to: 'app' } });
      } else if (SHARED_LAYERS.has(here.layer) && (target.layer === 'features' || target.layer === 'app')) {
        context.report({ node: source, messageId: 'sharedImportsFeature', data: { from: here.layer, target: specifier } });
      }
    };

    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const webBoundaries = { meta: { name: 'web-boundaries' }, rules: { 'no-cross-layer-import': noCrossLayerImport } };
