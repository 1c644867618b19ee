import { ContextRoot } from '@lit/context';
import { defineElement } from '../shared/define-element.js';
import { PrmProvider } from './provider.js';

if (!customElements.get('prm-provider')) {
  // Elements upgraded before the provider's script loaded asked for a client nobody answered; the
  // root replays those requests when a provider appears, so load order on a page doesn't matter.
  new ContextRoot().attach(document.documentElement);
}
defineElement('prm-provider', PrmProvider);

declare global {
  interface HTMLElementTagNameMap {
    'prm-provider': PrmProvider;
  }
}

export { PrmProvider };
