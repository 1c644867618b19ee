import { defineElement } from '../shared/define-element.js';
import { PrmRegistrationList } from './registration-list.js';

defineElement('prm-registration-list', PrmRegistrationList);

declare global {
  interface HTMLElementTagNameMap {
    'prm-registration-list': PrmRegistrationList;
  }
}

export { PrmRegistrationList };
