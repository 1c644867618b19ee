import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookPayload, verifyWebhookSignature } from './webhooks.js';

const SECRET = 'whsec_test_secret';
const BODY = '{"id":"evt_1","type":"registration.approved"}';
const NOW = new Date('2026-11-23T12:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);

describe('verifyWebhookSignature', () => {
  it('accepts a delivery signed with the secret over timestamp and body', async () => {
    // Computed independently with Node's crypto: the format is t=<seconds>,v1=<hex HMAC>.
    const v1 = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(await signWebhookPayload(BODY, SECRET, T)).toBe(`t=${T},v1=${v1}`);
    expect(await verifyWebhookSignature(BODY, `t=${T},v1=${v1}`, SECRET, { now: NOW })).toBe(true);
  });

  it('refuses a changed body, another secret, or a missing header', async () => {
    const header = await signWebhookPayload(BODY, SECRET, T);
    expect(await verifyWebhookSignature(`${BODY} `, header, SECRET, { now: NOW })).toBe(false);
    expect(await verifyWebhookSignature(BODY, header, 'whsec_other', { now: NOW })).toBe(false);
    expect(await verifyWebhookSignature(BODY, null, SECRET, { now: NOW })).toBe(false);
    expect(await verifyWebhookSignature(BODY, 'garbage', SECRET, { now: NOW })).toBe(false);
  });

  it('refuses a delivery older than 300 seconds, accepts one just inside', async () => {
    const header = await signWebhookPayload(BODY, SECRET, T - 301);
    expect(await verifyWebhookSignature(BODY, header, SECRET, { now: NOW })).toBe(false);
    const recent = await signWebhookPayload(BODY, SECRET, T - 299);
    expect(await verifyWebhookSignature(BODY, recent, SECRET, { now: NOW })).toBe(true);
  });

  it('accepts any of several v1 signatures (secret rotation)', async () => {
    const good = (await signWebhookPayload(BODY, SECRET, T)).split(',')[1];
    const header = `t=${T},v1=${'0'.repeat(64)},${good}`;
    expect(await verifyWebhookSignature(BODY, header, SECRET, { now: NOW })).toBe(true);
  });
});
