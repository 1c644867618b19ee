/** Every `prm-*` event bubbles and crosses shadow roots, so a page can listen on any ancestor. */
export const eventInit = { bubbles: true, composed: true } as const;
