/**
 * The second agreement script: the conversation on a registration (extensions, comments,
 * escalation), scorecard inputs, skills, contract publishing and browser sessions.
 */
import { type Outcome, recorder } from './recorder.js';
import type { Target } from './script.js';

const today = () => new Date().toISOString().slice(0, 10);

export const runFollowupScript = async (target: Target): Promise<Outcome[]> => {
  const { outcomes, step } = recorder();
  const vendor = target.client('prm_demo_vendor');
  const manager = target.client('prm_demo_manager');
  const partner2 = target.client('prm_demo_partner2');
  const me = await partner2.sessions.me();
  const partnerId = me.partnerId ?? 'missing';

  const account = await vendor.accounts.create({
    name: 'Followup Agreement BV',
    country: 'NL',
    region: 'EMEA',
  });
  const registration = await partner2.registrations.submit({
    accountId: account.id,
    products: ['networking'],
    estimatedValue: { amount: 80_000, currency: 'EUR' },
    expectedCloseDate: '2027-09-30',
  });
  const id = registration.id;
  await step('extend before approval', 'registrations.requestExtension', () =>
    partner2.registrations.requestExtension(id, { justification: 'Long tender', days: 30 }),
  );
  await manager.registrations.approve(id);
  const extended = await step(
    'request extension',
    'registrations.requestExtension',
    () => partner2.registrations.requestExtension(id, { justification: 'Long tender', days: 30 }),
    (v) => v.extensions.map((e) => [e.status, e.days]),
  );
  await step('request another while pending', 'registrations.requestExtension', () =>
    partner2.registrations.requestExtension(id, { justification: 'Again', days: 10 }),
  );
  const eid = extended?.extensions[0]?.id ?? 'missing';
  await step(
    'approve extension',
    'registrations.approveExtension',
    () => manager.registrations.approveExtension(id, eid),
    (v) => [v.extensionsUsed, v.extensions.map((e) => e.status)],
  );
  await step('approve it again', 'registrations.approveExtension', () =>
    manager.registrations.approveExtension(id, eid),
  );
  await step('partner approves extension', 'registrations.approveExtension', () =>
    partner2.registrations.approveExtension(id, eid),
  );
  await step(
    'comment',
    'registrations.comment',
    () => partner2.registrations.comment(id, { body: 'Customer asked for a demo.' }),
    (v) => v.comments.map((c) => [c.kind, c.body]),
  );
  await step(
    'escalate',
    'registrations.escalate',
    () => partner2.registrations.escalate(id, { reason: 'No answer for a week' }),
    (v) => [v.comments.length, typeof v.escalatedAt],
  );
  await step('escalate again', 'registrations.escalate', () =>
    partner2.registrations.escalate(id, { reason: 'Still nothing' }),
  );
  await step(
    'close won',
    'registrations.close',
    () => partner2.registrations.close(id, { outcome: 'won' }),
    (v) => [v.status, typeof v.closedAt],
  );

  const objective = await step(
    'create objective',
    'objectives.create',
    () =>
      vendor.objectives.create({
        name: 'Agreement pipeline',
        metric: 'pipeline',
        period: { from: today(), to: today() },
      }),
    (v) => [v.direction, v.thresholds],
  );
  const objectiveId = objective?.id ?? 'missing';
  await step(
    'set targets',
    'targets.set',
    () => manager.targets.set(partnerId, { targets: [{ objectiveId, value: 1000 }] }),
    (v) => v.data.filter((t) => t.objectiveId === objectiveId).map((t) => [t.value, t.accountId]),
  );
  await step('set targets twice', 'targets.set', () =>
    manager.targets.set(partnerId, {
      targets: [
        { objectiveId, value: 1 },
        { objectiveId, value: 2 },
      ],
    }),
  );
  await step('set unknown objective', 'targets.set', () =>
    manager.targets.set(partnerId, { targets: [{ objectiveId: 'obj_unknown', value: 1 }] }),
  );
  await step(
    'record metrics',
    'metrics.record',
    () =>
      manager.metrics.record({
        records: [{ partnerId, metric: 'pipeline', value: 400, on: today() }],
      }),
    (v) => v.recorded,
  );
  await step('record for unknown partner', 'metrics.record', () =>
    manager.metrics.record({
      records: [{ partnerId: 'ptr_unknown', metric: 'pipeline', value: 1, on: today() }],
    }),
  );
  await step(
    'partner card',
    'scorecards.forPartner',
    () => partner2.scorecards.forPartner(partnerId),
    (v) => v.objectives.filter((o) => o.objectiveId === objectiveId).map((o) => o.target),
  );

  await step(
    'update skills',
    'partners.updateSkills',
    () =>
      partner2.partners.updateSkills(partnerId, {
        skills: [{ skill: 'storage', level: 'expert' }],
      }),
    (v) => [v.skills, v.stale],
  );
  await step('skills twice', 'partners.updateSkills', () =>
    partner2.partners.updateSkills(partnerId, {
      skills: [
        { skill: 'storage', level: 'expert' },
        { skill: 'storage', level: 'foundation' },
      ],
    }),
  );

  const contract = await step(
    'create contract',
    'contracts.create',
    () => vendor.contracts.create({ title: 'Agreement NDA', kind: 'nda' }),
    (v) => [v.currentVersion, v.gates],
  );
  const contractId = contract?.id ?? 'missing';
  await step(
    'publish',
    'contracts.publish',
    () => vendor.contracts.publish(contractId, { content: '# NDA\n\nKeep it secret.' }),
    (v) => [v.version, v.hash, v.requiresReacceptance],
  );
  await step(
    'acceptances',
    'contracts.acceptances',
    () => manager.contracts.acceptances(contractId),
    (v) => [v.version, v.data.length, v.notAccepted.some((p) => p.partnerId === partnerId)],
  );
  await step('partner reads acceptances', 'contracts.acceptances', () =>
    partner2.contracts.acceptances(contractId),
  );

  const session = await step(
    'mint session',
    'sessions.create',
    () =>
      vendor.sessions.create({
        user: { id: 'usr_ada', name: 'Ada' },
        role: 'partner_rep',
        partnerId,
        ttlSeconds: 600,
      }),
    (v) => [v.user, v.partnerId === partnerId],
  );
  await step('session without partner', 'sessions.create', () =>
    vendor.sessions.create({ user: { id: 'usr_ada', name: 'Ada' }, role: 'partner_rep' }),
  );
  await step(
    'me with the session',
    'sessions.me',
    () => target.client(session?.token ?? 'missing').sessions.me(),
    (v) => [v.user, v.partnerId === partnerId],
  );
  return outcomes;
};
