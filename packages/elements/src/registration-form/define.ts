// The form renders these two: register them with it.
import '../account-lookup/define.js';
import '../contract-acceptance/define.js';
import { defineElement } from '../shared/define-element.js';
import { PrmRegistrationForm } from './registration-form.js';

defineElement('prm-registration-form', PrmRegistrationForm);

declare global {
  interface HTMLElementTagNameMap {
    'prm-registration-form': PrmRegistrationForm;
  }
}

export { PrmRegistrationForm };
