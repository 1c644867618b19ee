// Lists the registrations past their decision deadline (SLA breached), then approves the one
// that has waited longest. Run against `npm start`:  node overdue.mjs [--approve]
import { createPrmClient, isPrmError } from '@openprm/sdk';

const prm = createPrmClient({
  baseUrl: process.env.OPENPRM_URL ?? 'http://localhost:8787',
  token: process.env.OPENPRM_KEY ?? 'prm_demo_manager',
});

try {
  // The queue order: due soonest first. `for await` walks every page.
  const overdue = [];
  for await (const registration of prm.registrations.list({
    status: 'submitted',
    slaBreached: 'true',
    sort: 'queue',
  })) {
    overdue.push(registration);
  }
  console.log(`${overdue.length} registration(s) past their decision deadline:`);
  for (const registration of overdue) {
    const { amount, currency } = registration.estimatedValue;
    console.log(
      `  ${registration.id}  ${registration.partnerId}  ${registration.accountId}  ${amount} ${currency}  due ${registration.decisionDueAt}`,
    );
  }
  const oldest = overdue[0];
  if (oldest && process.argv.includes('--approve')) {
    const approved = await prm.registrations.approve(oldest.id, {
      note: 'Approved from the overdue script',
    });
    console.log(`Approved ${approved.id}: protected until ${approved.expiresAt}`);
  }
} catch (error) {
  // Every API failure is a PrmError with a code and the server's explanation.
  if (isPrmError(error)) console.error(`${error.name} (${error.code}): ${error.detail}`);
  else console.error(error);
  process.exitCode = 1;
}
