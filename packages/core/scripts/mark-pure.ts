// Marks the calls that build the contract as free of side effects, so bundlers drop the schemas
// an app does not use. zod's constructors (`z.object`, `.check`, `z.minLength` …) are not
// annotated, so without this a bundler keeps every schema once one of them is imported.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

const PURE = '/* @__PURE__ */ ';

/** Does evaluating this node run code later (a function body), not while the module loads? */
const isDeferred = (node: ts.Node) =>
  ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isBlock(node);

/**
 * Puts `/* @__PURE__ *\/` before every call and `new` evaluated while the module loads, in the
 * initialisers of top-level `const`s: `z.string().check(z.minLength(1))` becomes three marked
 * calls. Bundlers drop a marked call only when its arguments are free of side effects too, so
 * the nested calls are marked as well. Function bodies are left alone: they run when called.
 */
export const markPure = (source: string, fileName = 'module.ts'): string => {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const positions: number[] = [];
  const visit = (node: ts.Node): void => {
    if (isDeferred(node)) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) positions.push(node.getStart(file));
    ts.forEachChild(node, visit);
  };
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.initializer) visit(declaration.initializer);
    }
  }
  let out = source;
  for (const position of positions.sort((a, b) => b - a)) {
    out = `${out.slice(0, position)}${PURE}${out.slice(position)}`;
  }
  return out;
};

/**
 * The modules whose top level only declares data (the schemas and the endpoint declarations):
 * a call there must never be made for its effect, or a bundler may drop it.
 */
export const CONTRACT_MODULES = /[\\/]src[\\/](schemas|contract)[\\/].*\.ts$/;

/** An esbuild (tsup) plugin that applies `markPure` to the modules `filter` matches. */
export const markPurePlugin = (filter: RegExp = CONTRACT_MODULES): Plugin => ({
  name: 'mark-pure',
  setup(build) {
    build.onLoad({ filter }, async ({ path }) => ({
      contents: markPure(await readFile(path, 'utf8'), path),
      loader: 'ts',
    }));
  },
});
