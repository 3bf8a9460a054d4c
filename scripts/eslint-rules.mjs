// The server's layer rules that ESLint's own rules cannot say (eslint.config.js, block "server
// layers"). Each is proved to fire by server/test/lint-rules.test.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The project-relative path (with `/`) an import names, or null for a package import. */
function importTarget(context, source) {
  if (!source.startsWith('.')) return null;
  const from = path.dirname(context.filename);
  return path.relative(ROOT, path.resolve(from, source)).split(path.sep).join('/');
}

function fileOf(context) {
  return path.relative(ROOT, context.filename).split(path.sep).join('/');
}

/** Calls `check(node, target)` for every static import, re-export and dynamic import with a relative path. */
function onImports(context, check) {
  const visit = (node) => {
    const source = node.source;
    if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
    const target = importTarget(context, source.value);
    if (target) check(node, target);
  };
  return { ImportDeclaration: visit, ExportNamedDeclaration: visit, ExportAllDeclaration: visit, ImportExpression: visit };
}

/** `server/lib` holds what every module uses, so it never depends on a module. */
const libImportsNoModule = {
  meta: {
    type: 'problem',
    docs: { description: 'server/lib imports no server module' },
    messages: {
      module: 'server/lib is below the modules: it must not import {{target}}. Move what it needs into server/lib (or shared/).',
    },
    schema: [],
  },
  create(context) {
    if (!fileOf(context).startsWith('server/lib/')) return {};
    return onImports(context, (node, target) => {
      if (target.startsWith('server/modules/')) context.report({ node, messageId: 'module', data: { target } });
    });
  },
};

const MODULE_FILE = /^server\/modules\/([^/]+)\//;

/**
 * A module's `*.queries.ts` (its SQL) is private to that module: another module goes through the
 * owner's service, so the owner's access checks and audit rows hold on every path. `allow` lists
 * `importer -> target` pairs (project paths without extension) that are known and not fixed yet.
 */
const queriesPrivateToModule = {
  meta: {
    type: 'problem',
    docs: { description: "a module's *.queries.ts is imported only inside its own module" },
    messages: { foreign: '{{target}} is the SQL of module "{{owner}}": call its service instead of its queries.' },
    schema: [{ type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
  },
  create(context) {
    const file = fileOf(context);
    const allow = new Set(context.options[0]?.allow ?? []);
    const own = MODULE_FILE.exec(file)?.[1] ?? null;
    return onImports(context, (node, target) => {
      const owner = MODULE_FILE.exec(target)?.[1];
      if (!owner || owner === own || !/\.queries(\.js|\.ts)?$/.test(target)) return;
      const pair = `${file.replace(/\.tsx?$/, '')} -> ${target.replace(/\.(js|ts)$/, '')}`;
      if (allow.has(pair)) return;
      context.report({ node, messageId: 'foreign', data: { target, owner } });
    });
  },
};

/**
 * A type assertion (`x as T`, `<T>x`) tells the compiler to trust the writer: it needs a comment
 * saying why it holds, on the line before the statement or at the end of its line. `as const` is no
 * assertion about a value and needs none.
 */
const assertionNeedsComment = {
  meta: {
    type: 'suggestion',
    docs: { description: 'a type assertion carries a comment saying why it holds' },
    messages: {
      bare: 'Type assertion without a comment: say why it holds (comment on the line before the statement or at the end of the line), or narrow with a check instead.',
    },
    schema: [],
  },
  create(context) {
    const source = context.sourceCode;
    const comments = source.getAllComments();
    function startOfStatement(node) {
      let current = node;
      while (current.parent && !/Statement$|Declaration$|^Property$|^PropertyDefinition$|^SwitchCase$/.test(current.type))
        current = current.parent;
      return current.loc.start.line;
    }
    function check(node) {
      const first = startOfStatement(node);
      const last = node.loc.end.line;
      const explained = comments.some((c) => c.loc.end.line >= first - 1 && c.loc.start.line <= last);
      if (!explained) context.report({ node, messageId: 'bare' });
    }
    return {
      TSAsExpression(node) {
        const t = node.typeAnnotation;
        if (t.type === 'TSTypeReference' && t.typeName.type === 'Identifier' && t.typeName.name === 'const') return;
        check(node);
      },
      TSTypeAssertion: check,
    };
  },
};

export default {
  meta: { name: 'chainchief-local' },
  rules: {
    'lib-imports-no-module': libImportsNoModule,
    'queries-private-to-module': queriesPrivateToModule,
    'assertion-needs-comment': assertionNeedsComment,
  },
};
