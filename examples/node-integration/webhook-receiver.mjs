// A webhook receiver that trusts nothing it cannot verify: it checks the HMAC signature and the
// timestamp of every delivery before reading it. Run against `npm start`:  node webhook-receiver.mjs
// It registers itself with the server (vendor admin key) and prints each event it receives.
import { createServer } from 'node:http';
import { createPrmClient, verifyWebhookSignature } from '@openprm/sdk';

const port = Number(process.env.PORT ?? 4000);
const prm = createPrmClient({
  baseUrl: process.env.OPENPRM_URL ?? 'http://localhost:8787',
  token: process.env.OPENPRM_KEY ?? 'prm_demo_vendor',
});

let secret = process.env.OPENPRM_WEBHOOK_SECRET ?? '';

const receiver = createServer(async (request, response) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  // Verify the raw bytes as received: parsing and re-serialising JSON would change them.
  const rawBody = Buffer.concat(chunks).toString('utf8');
  const valid = await verifyWebhookSignature(rawBody, request.headers['openprm-signature'], secret);
  if (!valid) {
    response.writeHead(400).end('invalid signature');
    return;
  }
  const event = JSON.parse(rawBody);
  console.log(`${event.at}  ${event.type}  ${event.subject.type} ${event.subject.id}`);
  // Answer quickly; do slow work after. Deliveries are at-least-once: dedupe on event.id.
  response.writeHead(204).end();
});

receiver.listen(port, async () => {
  const url = process.env.WEBHOOK_URL ?? `http://localhost:${port}/openprm`;
  if (!secret) {
    const webhook = await prm.webhooks.create({
      url,
      eventTypes: ['registration.submitted', 'registration.approved', 'registration.rejected'],
    });
    // Shown once: a real receiver stores it in its secret store.
    secret = webhook.secret;
    console.log(`Registered webhook ${webhook.id} for ${url}`);
  }
  console.log(`Listening on ${url}; approve or reject a registration to see a delivery.`);
});
