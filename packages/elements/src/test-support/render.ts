import { render, type TemplateResult } from 'lit';
import { afterEach } from 'vitest';

const containers: HTMLElement[] = [];
afterEach(() => {
  for (const container of containers.splice(0)) container.remove();
});

/** Renders a template into the page and waits for the first element's first update. */
export const mount = async <T extends Element>(template: TemplateResult): Promise<T> => {
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  render(template, container);
  const element = container.firstElementChild as T & { updateComplete?: Promise<unknown> };
  await element.updateComplete;
  return element;
};

/** The element's shadow root, which every `prm-*` element has. */
export const shadow = (element: Element): ShadowRoot => {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
};

/** Text as a person reads it: whitespace collapsed. */
export const textOf = (node: Node | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The next event of this type anywhere in the page (events are composed, so they reach the document). */
export const nextEvent = <K extends keyof GlobalEventHandlersEventMap>(
  type: K,
): Promise<GlobalEventHandlersEventMap[K]> =>
  new Promise((resolve) => document.addEventListener(type, resolve, { once: true }));
