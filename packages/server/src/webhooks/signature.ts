import { createHmac } from 'node:crypto';

/** The header a receiver checks: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const SIGNATURE_HEADER = 'openprm-signature';

/**
 * Signs the exact bytes sent. The timestamp is inside the signed text, so a receiver that
 * refuses old timestamps (the SDK's `verifyWebhookSignature` allows 300 s) defeats replays.
 */
export const signWebhookPayload = (secret: string, rawBody: string, at: Date): string => {
  const timestamp = Math.floor(at.getTime() / 1000);
  const signature = createHmac('sha256', secret)
    .update(`${timestamp}.${rawBody}`, 'utf8')
    .digest('hex');
  return `t=${timestamp},v1=${signature}`;
};
