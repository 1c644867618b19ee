import type { PrmClient } from '@openprm/sdk';
import { html, nothing } from 'lit';
import type { RegistrationFormMessageKey } from './registration-form.messages.js';

interface TermsView {
  t: (key: RegistrationFormMessageKey) => string;
  client: PrmClient | undefined;
  /** The element's own `locale` property, handed on to `<prm-contract-acceptance>` as it is. */
  localeProperty: string | undefined;
  /** A registration waits for the terms and is sent again once they are accepted. */
  waiting: boolean;
  onAccepted(): void;
}

/** The inline terms gate: pending terms that gate registrations, with their acceptance. */
export const renderTerms = (view: TermsView) => html`
  <section class="terms" part="terms" aria-labelledby="terms-heading">
    <h3 id="terms-heading" tabindex="-1">${view.t('termsHeading')}</h3>
    <p class="muted">${view.t('termsIntro')} ${view.waiting ? view.t('termsWaiting') : nothing}</p>
    <prm-contract-acceptance
      gate="registration.submit"
      .client=${view.client}
      .locale=${view.localeProperty}
      exportparts="document, accept-button, receipt"
      @prm-contract-accepted=${view.onAccepted}
    ></prm-contract-acceptance>
  </section>
`;
