import type { ClaimedDelivery } from './deliveries.js';
import { SIGNATURE_HEADER, signWebhookPayload } from './signature.js';

/** What one POST to a receiver came to; `status` null when no HTTP answer arrived. */
export type SendResult =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: string };

const MAX_ERROR_LENGTH = 500;

const truncate = (text: string) =>
  text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;

const describeFailure = (error: unknown): string => {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    // fetch reports "fetch failed" and puts the reason (ECONNREFUSED …) in `cause`.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
};

/**
 * POSTs the event, signed, and reports what happened; never throws. A 2xx is success. A redirect
 * is a failure, not followed: a receiver must not send signed events to another host.
 */
export const sendDelivery = async (
  delivery: ClaimedDelivery,
  options: { fetch: typeof fetch; now: Date; timeoutMs: number; userAgent: string },
): Promise<SendResult> => {
  const body = JSON.stringify(delivery.event);
  try {
    const response = await options.fetch(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': options.userAgent,
        [SIGNATURE_HEADER]: signWebhookPayload(delivery.secret, body, options.now),
        'openprm-event-id': delivery.event.id,
        'openprm-event-type': delivery.event.type,
      },
      body,
    });
    // The receiver's answer body is not needed; discarding it releases the connection.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300)
      return { ok: true, status: response.status };
    const reason =
      response.status >= 300 && response.status < 400
        ? 'redirect not followed'
        : 'not a 2xx answer';
    return {
      ok: false,
      status: response.status,
      error: truncate(`HTTP ${response.status}: ${reason}`),
    };
  } catch (error) {
    return { ok: false, status: null, error: truncate(describeFailure(error)) };
  }
};
