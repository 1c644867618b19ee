/** Example request bodies for the reference page's "Try it" forms (demo data ids). */
export const EXAMPLE_BODIES: Record<string, unknown> = {
  'sessions.create': {
    user: { id: 'u_anna', name: 'Anna Berger' },
    role: 'partner_rep',
    partnerId: 'ptr_northquay',
  },
  'accounts.create': {
    name: 'Example Industries GmbH',
    domain: 'example-industries.de',
    country: 'DE',
    region: 'EMEA',
  },
  'reservations.reserve': { accountId: 'acc_quillfeather_de' },
  'registrations.submit': {
    accountId: 'acc_quillfeather_de',
    products: ['Helixa Firewall'],
    estimatedValue: { amount: 120000, currency: 'EUR' },
    expectedCloseDate: '2027-03-31',
    notes: 'Budget approved; decision in Q1.',
  },
  'registrations.approve': { note: 'Qualified in the pipeline review.' },
  'registrations.reject': {
    code: 'insufficient_information',
    reason: 'Please add the customer contact and the use case.',
  },
  'registrations.withdraw': { reason: 'Customer postponed the project.' },
  'registrations.close': { outcome: 'won' },
  'registrations.requestExtension': {
    justification: 'Procurement needs two more weeks.',
    days: 30,
  },
  'registrations.approveExtension': {},
  'registrations.rejectExtension': {
    reason: 'The protection period already covers the close date.',
  },
  'registrations.comment': { body: 'Meeting with the CIO on Tuesday.' },
  'registrations.escalate': { reason: 'No decision after the time limit.' },
  'partners.updateSkills': { skills: [{ skill: 'cloud-migration', level: 'expert', people: 6 }] },
  'objectives.create': {
    name: 'Revenue Q1',
    metric: 'revenue',
    period: { from: '2027-01-01', to: '2027-03-31' },
    defaultTarget: 250000,
  },
  'targets.set': { targets: [{ objectiveId: 'obj_revenue_2026', value: 300000 }] },
  'metrics.record': {
    records: [{ partnerId: 'ptr_northquay', metric: 'turnover', value: 42000, on: '2026-11-20' }],
  },
  'contracts.create': { title: 'Marketing Fund Terms', kind: 'other', gates: [] },
  'contracts.publish': { content: '# Terms\n\nThe partner agrees …', requiresReacceptance: true },
  'contracts.accept': { hash: '<sha-256 of the version>', accepted: true },
  'webhooks.create': {
    url: 'https://crm.example.com/hooks/openprm',
    eventTypes: ['registration.approved'],
  },
};
