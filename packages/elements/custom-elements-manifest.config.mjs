// The Custom Elements Manifest (custom-elements.json) is generated from each element's JSDoc;
// Storybook's docs pages, editors and docs/theming.md's check (test/docs) read it.

/**
 * Our tags are registered through `defineElement('prm-…', PrmClass)` (it skips a tag already
 * defined), which the analyzer does not recognise as `customElements.define`: without this plugin
 * the elements would have no tag name and would not count as custom elements (they extend
 * `PrmElement`, not `LitElement` directly), so Storybook's docs would find none of them.
 */
const defineElementCalls = () => {
  /** @type {{ tag: string, className: string, module: string }[]} */
  const definitions = [];
  return {
    name: 'openprm-define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (
        node.kind !== ts.SyntaxKind.CallExpression ||
        node.expression.getText() !== 'defineElement'
      ) {
        return;
      }
      const [tag, element] = node.arguments;
      if (tag?.kind === ts.SyntaxKind.StringLiteral && element?.kind === ts.SyntaxKind.Identifier) {
        definitions.push({ tag: tag.text, className: element.text, module: moduleDoc.path });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      for (const module of modules) {
        // `customElements.define(tag, element)` inside defineElement itself is no definition.
        module.exports = module.exports?.filter(
          (entry) => entry.kind !== 'custom-element-definition' || entry.name?.includes('-'),
        );
      }
      for (const { tag, className, module: definingModule } of definitions) {
        const home = modules.find((module) =>
          module.declarations?.some((declaration) => declaration.name === className),
        );
        const declaration = home?.declarations.find((candidate) => candidate.name === className);
        if (!home || !declaration) continue;
        declaration.tagName = tag;
        declaration.customElement = true;
        // The analyzer lists `dispatchEvent(new PrmXEvent(…))` once more under a made-up name;
        // the documented `prm-*` events (@event) are the real ones.
        // The manifest is the public contract: private and protected members are not part of it.
        declaration.members = declaration.members?.filter(
          (member) => member.privacy !== 'private' && member.privacy !== 'protected',
        );
        declaration.events = declaration.events?.filter(
          (event) => event.name?.startsWith('prm-') || event.description,
        );
        const definer = modules.find((module) => module.path === definingModule);
        definer.exports = [
          ...(definer.exports ?? []),
          {
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: className, module: home.path },
          },
        ];
      }
    },
  };
};

export default {
  globs: ['src/**/*.ts'],
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.stories.ts',
    'src/test-support/**',
    'src/**/*.node.test.ts',
  ],
  outdir: '.',
  // package.json names the manifest already; the analyzer would otherwise rewrite that field to
  // whatever --outdir a run uses (the theming docs check writes to node_modules/.cache).
  packagejson: false,
  litelement: true,
  plugins: [defineElementCalls()],
};
