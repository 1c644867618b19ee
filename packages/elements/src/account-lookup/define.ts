import { defineElement } from '../shared/define-element.js';
import { PrmAccountLookup } from './account-lookup.js';

defineElement('prm-account-lookup', PrmAccountLookup);

declare global {
  interface HTMLElementTagNameMap {
    'prm-account-lookup': PrmAccountLookup;
  }
}

export { PrmAccountLookup };
