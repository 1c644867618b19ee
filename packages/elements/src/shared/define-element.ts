/**
 * Registers a tag unless it is already defined: a page may load an element twice (its own import
 * and the all-in bundle) and must not throw for it.
 */
export const defineElement = (tag: string, element: CustomElementConstructor): void => {
  if (!customElements.get(tag)) customElements.define(tag, element);
};
