import { defineElement } from '../shared/define-element.js';
import { PrmContractAcceptance } from './contract-acceptance.js';

defineElement('prm-contract-acceptance', PrmContractAcceptance);

declare global {
  interface HTMLElementTagNameMap {
    'prm-contract-acceptance': PrmContractAcceptance;
  }
}

export { PrmContractAcceptance };
