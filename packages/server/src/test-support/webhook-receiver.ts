import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived: what the signature covers. */
  rawBody: string;
  /** The status the receiver answered. */
  status: number;
}

type Answer = { status: number; headers?: Record<string, string>; delayMs?: number };

/**
 * A real HTTP receiver on a random loopback port, answering each path as told (default 204);
 * `stop()` closes the port (connection refused) and `start()` opens the same port again.
 */
export const startWebhookReceiver = async () => {
  const received: ReceivedDelivery[] = [];
  const answers = new Map<string, Answer>();
  let inFlight = 0;
  let maxInFlightPerEvent = 0;
  const inFlightByEvent = new Map<string, number>();
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    const eventId = String(request.headers['openprm-event-id']);
    inFlight += 1;
    const concurrent = (inFlightByEvent.get(eventId) ?? 0) + 1;
    inFlightByEvent.set(eventId, concurrent);
    maxInFlightPerEvent = Math.max(maxInFlightPerEvent, concurrent);
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const { status, headers, delayMs } = answers.get(path) ?? { status: 204 };
      setTimeout(() => {
        received.push({
          path,
          headers: request.headers,
          rawBody: Buffer.concat(chunks).toString('utf8'),
          status,
        });
        inFlight -= 1;
        inFlightByEvent.set(eventId, (inFlightByEvent.get(eventId) ?? 1) - 1);
        response.writeHead(status, headers).end();
      }, delayMs ?? 0);
    });
  };
  let server: Server = createServer(handler);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const port = await listen(0);
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    /** Requests to one path, in the order they were answered. */
    at: (path: string) => received.filter((delivery) => delivery.path === path),
    /** How requests to `path` are answered from now on. */
    answerAt: (path: string, answer: Answer) => {
      answers.set(path, answer);
    },
    /** The most requests for one event that were ever open at the same moment. */
    maxInFlightPerEvent: () => maxInFlightPerEvent,
    inFlight: () => inFlight,
    stop,
    start: async () => {
      server = createServer(handler);
      await listen(port);
    },
  };
};

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
