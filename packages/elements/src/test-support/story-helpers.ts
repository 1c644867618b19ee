import { createMockHandlers, MOCK_TOKENS, type MockApiOptions } from '@openprm/mock';
import { html, type TemplateResult } from 'lit';
import type { RequestHandler } from 'msw';
import '../provider/define.js';

export type DemoRole = keyof typeof MOCK_TOKENS;

/** Story parameters whose API calls @openprm/mock answers in the given scenario. */
export const mockParameters = (
  options: MockApiOptions = {},
): { msw: { handlers: RequestHandler[] } } => ({
  msw: { handlers: createMockHandlers(options) },
});

/** Wraps a story in a provider signed in as one of the demo roles, on the page's own origin. */
export const asRole = (role: DemoRole, content: TemplateResult): TemplateResult =>
  html`<prm-provider token=${MOCK_TOKENS[role]}>${content}</prm-provider>`;

/** A dark page around the story: the elements follow the page's `color-scheme`. */
export const onDarkPage = (content: TemplateResult): TemplateResult => html`
  <div style="color-scheme: dark; background: #0b1220; padding: 1.5rem; border-radius: 0.5rem">
    ${content}
  </div>
`;

/** A brand theme in a few lines of CSS: tokens for colour, radius and font. */
export const BRAND_THEME_CSS = `
  .brand {
    --prm-color-accent: #7c2d92;
    --prm-color-focus: #7c2d92;
    --prm-radius: 2px;
    --prm-font-family: Georgia, 'Times New Roman', serif;
    --prm-color-surface-raised: #f7f0fa;
  }
`;

export const withBrandTheme = (content: TemplateResult): TemplateResult => html`
  <style>
    ${BRAND_THEME_CSS}
  </style>
  <div class="brand">${content}</div>
`;
