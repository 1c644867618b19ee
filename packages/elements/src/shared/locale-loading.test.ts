// A file of its own: each browser test file starts with fresh modules, so no German text has been
// loaded yet when these run, whatever else the suite does.
import { MOCK_ACCOUNT_IDS } from '@openprm/mock';
import { html } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { PrmRegistrationForm } from '../registration-form/registration-form.js';
import { mockWorld } from '../test-support/mock-client.js';
import { mount, textOf } from '../test-support/render.js';
import '../registration-form/define.js';
import '../reservation-check/define.js';
import type { PrmReservationCheck } from '../reservation-check/reservation-check.js';

/** Records the element's text after each of its renders. */
const recordingForm = (tag: string, rendered: string[]) =>
  customElements.define(
    tag,
    class extends PrmRegistrationForm {
      protected override updated(changed: Map<PropertyKey, unknown>): void {
        super.updated(changed);
        rendered.push(textOf(this.shadowRoot));
      }
    },
  );

describe('languages loaded on demand', () => {
  it('shows German from the first render: the German texts load first, never English before', async () => {
    const rendered: string[] = [];
    recordingForm('test-german-first-form', rendered);
    const client = mockWorld().client('partner2');
    const host = await mount<HTMLElement>(
      html`<div lang="de"><test-german-first-form .client=${client}></test-german-first-form></div>`,
    );
    const element = host.querySelector('test-german-first-form') as PrmRegistrationForm;
    await element.updateComplete;
    expect(rendered[0]).toContain('Deal registrieren');
    expect(rendered.join(' ')).not.toContain('Register a deal');
  });

  it('ends in the language last asked for when it changes while texts load', async () => {
    // The reservation check's German texts have not loaded yet in this file.
    const client = mockWorld().client('partner1');
    const element = await mount<PrmReservationCheck>(
      html`<prm-reservation-check locale="en" account-id=${MOCK_ACCOUNT_IDS.umbrella} .client=${client}></prm-reservation-check>`,
    );
    await vi.waitFor(() => expect(textOf(element.shadowRoot)).toContain('Reserve'));
    element.locale = 'de';
    await Promise.resolve();
    element.locale = 'en';
    await element.updateComplete;
    expect(textOf(element.shadowRoot)).toContain('Reserve');
    expect(textOf(element.shadowRoot)).not.toContain('Reservieren');
    element.locale = 'de';
    await element.updateComplete;
    expect(textOf(element.shadowRoot)).toContain('Reservieren');
  });
});
