import { MOCK_CONTRACT_IDS } from '@openprm/mock';
import { html } from 'lit';
import { describe, expect, inject, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { mockWorld } from '../test-support/mock-client.js';
import { mount, nextEvent, shadow, textOf } from '../test-support/render.js';
import '../provider/define.js';
import './define.js';
import type { PrmContractAcceptance } from './contract-acceptance.js';

const mountAcceptance = async (client: ReturnType<ReturnType<typeof mockWorld>['client']>) =>
  mount<PrmContractAcceptance>(
    html`<prm-contract-acceptance .client=${client}></prm-contract-acceptance>`,
  );

const part = (element: Element, name: string) => shadow(element).querySelector(`[part~="${name}"]`);

describe('<prm-contract-acceptance>', () => {
  it('shows the pending terms as readable text and accepts them only after the box is ticked', async () => {
    const element = await mountAcceptance(mockWorld().client('partner1'));
    await vi.waitFor(() => expect(part(element, 'document')).not.toBeNull());
    expect(textOf(part(element, 'title'))).toBe('Deal Registration Terms');
    expect(textOf(part(element, 'meta'))).toContain('Version 2');
    const paragraphs = [...(part(element, 'document')?.querySelectorAll('p') ?? [])];
    expect(paragraphs.map((p) => p.textContent)).toEqual([
      'Deal Registration Terms (version 2)',
      '1. First come, first served.\n2. Decisions within 48 hours.',
    ]);
    const accept = page.getByRole('button', { name: 'Accept' });
    await expect.element(accept).toBeDisabled();
    await expectNoAxeViolations(element);

    await userEvent.click(
      page.getByRole('checkbox', { name: /I have read and accept the Deal Registration Terms/ }),
    );
    const accepted = nextEvent('prm-contract-accepted');
    await userEvent.click(accept);
    const event = await accepted;
    expect(event.acceptance).toMatchObject({
      contractId: MOCK_CONTRACT_IDS.dealRegistrationTerms,
      version: 2,
    });
    expect(event.acceptance.hash).toMatch(/^[a-f0-9]{64}$/);

    await vi.waitFor(() => expect(part(element, 'done')).not.toBeNull());
    const receipt = textOf(part(element, 'receipt'));
    expect(receipt).toContain('Deal Registration Terms, version 2, accepted on');
    expect(receipt).toContain(event.acceptance.hash);
    expect(element.shadowRoot?.activeElement).toBe(part(element, 'receipt'));
    expect(element.remaining).toBe(0);
    await expectNoAxeViolations(element);
  });

  it('takes several pending contracts one after another', async () => {
    const world = mockWorld();
    await world.client('vendor').contracts.publish(MOCK_CONTRACT_IDS.nda, {
      content: '# Mutual NDA (version 2)\n\nBoth parties keep secrets for five years.',
    });
    const element = await mountAcceptance(world.client('partner1'));
    await vi.waitFor(() => expect(textOf(part(element, 'progress'))).toBe('Document 1 of 2'));
    const firstTitle = textOf(part(element, 'title'));

    await userEvent.click(page.getByRole('checkbox'));
    await userEvent.click(page.getByRole('button', { name: 'Accept' }));
    await vi.waitFor(() => expect(textOf(part(element, 'progress'))).toBe('Document 2 of 2'));
    expect(textOf(part(element, 'title'))).not.toBe(firstTitle);
    await expect.element(page.getByRole('checkbox')).not.toBeChecked();
    expect(element.remaining).toBe(1);

    await userEvent.keyboard('{Tab}');
    await userEvent.click(page.getByRole('checkbox'));
    await userEvent.click(page.getByRole('button', { name: 'Accept' }));
    await vi.waitFor(() => expect(part(element, 'done')).not.toBeNull());
    expect(shadow(element).querySelectorAll('[part="receipt"]')).toHaveLength(2);
  });

  it('says when no terms are waiting', async () => {
    const element = await mountAcceptance(mockWorld().client('partner2'));
    await vi.waitFor(() => expect(textOf(part(element, 'empty'))).toBe('No terms waiting for you'));
    await expectNoAxeViolations(element);
  });

  it('explains the server’s permission error to a vendor role', async () => {
    const element = await mountAcceptance(mockWorld().client('vendor'));
    await vi.waitFor(() =>
      expect(textOf(part(element, 'error'))).toContain('You are not allowed to do this.'),
    );
    expect(textOf(shadow(element))).toContain('Only partner users accept terms');
    await expectNoAxeViolations(element);
  });

  it('shows an offline error with a retry that recovers', async () => {
    const { client, goOnline } = mockWorld().offlineClient('partner1');
    const element = await mountAcceptance(client);
    await vi.waitFor(() => expect(textOf(part(element, 'error'))).toContain('offline'));
    goOnline();
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(part(element, 'document')).not.toBeNull());
  });

  it('speaks German', async () => {
    const client = mockWorld().client('partner1');
    await mount(
      html`<div lang="de"><prm-contract-acceptance .client=${client}></prm-contract-acceptance></div>`,
    );
    const element = document.querySelector('prm-contract-acceptance') as PrmContractAcceptance;
    await vi.waitFor(() => expect(part(element, 'document')).not.toBeNull());
    expect(textOf(shadow(element))).toContain('gelesen und akzeptiere sie');
    expect(textOf(shadow(element))).toContain('Akzeptieren');
  });

  it('renders hostile contract text as text', async () => {
    const world = mockWorld();
    const hostile = '<img src=x onerror="window.__pwnedTerms=1">';
    await world.client('vendor').contracts.publish(MOCK_CONTRACT_IDS.nda, { content: hostile });
    const element = await mountAcceptance(world.client('partner2'));
    await vi.waitFor(() => expect(textOf(part(element, 'document'))).toBe(hostile));
    expect(shadow(element).querySelector('img')).toBeNull();
    expect((window as { __pwnedTerms?: number }).__pwnedTerms).toBeUndefined();
  });

  it('shows the pending terms from the real server (smoke)', async () => {
    await mount(
      html`<prm-provider base-url=${inject('realServerUrl')} token="prm_demo_partner1">
        <prm-contract-acceptance></prm-contract-acceptance>
      </prm-provider>`,
    );
    const element = document.querySelector('prm-contract-acceptance') as PrmContractAcceptance;
    await vi.waitFor(() => expect(part(element, 'document')).not.toBeNull(), { timeout: 10_000 });
    expect(textOf(part(element, 'agree'))).toMatch(/I have read and accept/);
  });
});
