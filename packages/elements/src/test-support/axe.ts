import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules) on an element, shadow roots included, and fails
 * with each violation's rule, impact and first offending node.
 */
export const expectNoAxeViolations = async (element: Element): Promise<void> => {
  const results = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    resultTypes: ['violations'],
  });
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes[0]?.target.join(' ')}`,
  );
  expect(summary).toEqual([]);
};
