// The architecture's import boundaries as one ESLint rule, `boundaries/no-restricted-paths`, with the zone
// semantics of eslint-plugin-import-x's rule of the same name (target, from, except relative to from, message).
// Why our own: import-x and its TypeScript resolver need unrs-resolver, whose per-platform binaries are not all on
// the registry this project installs from, so `npm ci` cannot verify the lock file. Our imports are only relative
// paths and the web's three aliases, which a few lines resolve exactly; unresolvable imports are tsc's job.
import path from 'node:path';

/** The web aliases of web/tsconfig.json "paths" (and vite.config.ts). */
const ALIASES = [
  ['@/', 'web/src/console'],
  ['@shared/', 'web/src/shared'],
  ['@domain/', 'src/domain'],
];

/** An alias resolves to its folder; relative specifiers resolve from the importing file. */
function resolveSpecifier(root, fromFile, specifier) {
  for (const [prefix, folder] of ALIASES) if (specifier.startsWith(prefix)) return path.join(root, folder, specifier.slice(prefix.length));
  if (specifier.startsWith('./') || specifier.startsWith('../')) return path.resolve(path.dirname(fromFile), specifier);
  return undefined; // a package: not ours to fence
}

/** The server imports 'x.js' for 'x.ts' (NodeNext); zones name files by their source extension. */
function withoutExtension(file) {
  return file.replace(/\.(js|ts|tsx|mjs|cjs)$/, '');
}

function isInside(file, dirOrFile) {
  const f = withoutExtension(file);
  const d = withoutExtension(dirOrFile);
  return f === d || f.startsWith(d + path.sep);
}

const asList = (value) => (Array.isArray(value) ? value : [value]);

const noRestrictedPaths = {
  meta: {
    type: 'problem',
    docs: { description: '按架构分层限制模块之间的引用。' },
    schema: [
      {
        type: 'object',
        properties: { basePath: { type: 'string' }, zones: { type: 'array' } },
        required: ['basePath', 'zones'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { basePath, zones } = context.options[0];
    const file = context.filename;
    const abs = (p) => path.resolve(basePath, p);
    const activeZones = zones.filter((zone) => asList(zone.target).some((target) => isInside(file, abs(target))));
    if (activeZones.length === 0) return {};

    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const resolved = resolveSpecifier(basePath, file, source.value);
      if (!resolved) return;
      for (const zone of activeZones) {
        for (const from of asList(zone.from)) {
          const fromAbs = abs(from);
          if (!isInside(resolved, fromAbs)) continue;
          const excepted = (zone.except ?? []).some((except) => isInside(resolved, path.resolve(fromAbs, except)));
          if (excepted) continue;
          context.report({ node: source, message: zone.message ?? `不能从 ${from} 引用。` });
          return;
        }
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export const boundaries = { rules: { 'no-restricted-paths': noRestrictedPaths } };

/** Kysely calls whose first argument names a table. */
const TABLE_CALLS = new Set(['selectFrom', 'insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin']);

/** 'users as u' and 'users' name the table users. */
const tableOf = (text) => text.trim().split(/\s+/)[0];

/**
 * `boundaries/own-tables`: a module's SQL names only the tables it owns (ARCHITECTURE.md: "no other module touches
 * its tables directly"); another module's data comes through that module's functions. The owner of every table is
 * listed once, so a new table must be given an owner before any module can use it.
 */
const ownTables = {
  meta: {
    type: 'problem',
    docs: { description: '模块只能直接读写自己的表。' },
    schema: [
      {
        type: 'object',
        properties: { basePath: { type: 'string' }, owners: { type: 'object' } },
        required: ['basePath', 'owners'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { basePath, owners } = context.options[0];
    const relative = path.relative(path.join(basePath, 'src/modules'), context.filename);
    if (relative.startsWith('..') || !relative.includes(path.sep)) return {};
    const module = relative.split(path.sep)[0];
    const ownerOf = new Map(Object.entries(owners).flatMap(([owner, tables]) => tables.map((t) => [t, owner])));

    function check(node) {
      if (node.type !== 'Literal' || typeof node.value !== 'string') return;
      const table = tableOf(node.value);
      const owner = ownerOf.get(table);
      if (owner === module) return;
      context.report({
        node,
        message: owner
          ? `表 ${table} 属于 ${owner} 模块：请调用该模块的函数读写，不要在 ${module} 模块里直接写 SQL。`
          : `表 ${table} 还没有归属模块：请在 eslint.config.js 的 TABLE_OWNERS 中登记它属于哪个模块。`,
      });
    }

    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || !TABLE_CALLS.has(callee.property.name)) return;
        const first = node.arguments[0];
        if (!first) return;
        if (first.type === 'ArrayExpression') first.elements.forEach((e) => e && check(e));
        else check(first);
      },
    };
  },
};

boundaries.rules['own-tables'] = ownTables;
