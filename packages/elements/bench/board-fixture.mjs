// A synthetic scorecard board of any size, for the render benchmark: deterministic (seeded),
// shaped exactly like the API's ScorecardBoard, with up to eight objectives per partner.

const LABELS = { green: 'On track', yellow: 'At risk', red: 'Off track', unknown: 'No data' };
const TRENDS = ['improving', 'worsening', 'flat', 'unknown'];
const REGIONS = ['AMER', 'APAC', 'DACH', 'EMEA North', 'EMEA South', 'LATAM'];
const SEGMENTS = ['distributor', 'msp', 'referral', 'reseller'];
const METRICS = ['revenue', 'pipeline', 'registrations_won', 'certified_people', 'turnover'];
const ATTENTION = { red: 0, yellow: 1, unknown: 2, green: 3 };

/** Mulberry32: small, fast, and the same numbers on every run. */
const seeded = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const lightOf = (attainment) =>
  attainment === null
    ? 'unknown'
    : attainment >= 1
      ? 'green'
      : attainment >= 0.8
        ? 'yellow'
        : 'red';

const rollUp = (lights) => {
  const counts = { green: 0, yellow: 0, red: 0, unknown: 0 };
  for (const light of lights) counts[light] += 1;
  const known = counts.green + counts.yellow + counts.red;
  const score = known === 0 ? null : (counts.green * 2 + counts.yellow) / known;
  const light =
    score === null ? 'unknown' : score >= 1.5 ? 'green' : score >= 0.75 ? 'yellow' : 'red';
  const explanation = `${counts.green} green, ${counts.yellow} yellow, ${counts.red} red of ${known} known`;
  return { light, label: LABELS[light], score, counts, explanation };
};

/**
 * @param {number} partnerCount
 * @param {{ objectiveCount?: number, groupBy?: 'region' | 'segment', seed?: number }} [options]
 */
export const buildBenchBoard = (partnerCount, options = {}) => {
  const { objectiveCount = 8, groupBy = 'region', seed = 20261123 } = options;
  const random = seeded(seed);
  const objectives = Array.from({ length: objectiveCount }, (_, index) => ({
    id: `obj_${index + 1}`,
    name: `Objective ${index + 1}`,
    metric: METRICS[index % METRICS.length],
    period: { from: '2026-10-01', to: '2026-12-31' },
    direction: 'higher_is_better',
    thresholds: { green: 1, yellow: 0.8 },
    unit: index % METRICS.length === 0 ? 'EUR' : undefined,
    defaultTarget: 1000,
    createdAt: '2026-08-01T00:00:00.000Z',
  }));
  const groups = new Map();
  for (let index = 0; index < partnerCount; index += 1) {
    const statuses = objectives.map((objective) => {
      const attainment = random() < 0.1 ? null : Math.round(random() * 130) / 100;
      const light = lightOf(attainment);
      return {
        objectiveId: objective.id,
        name: objective.name,
        metric: objective.metric,
        light,
        label: LABELS[light],
        actual: attainment === null ? null : attainment * 1000,
        target: 1000,
        attainment,
        trend: TRENDS[Math.floor(random() * TRENDS.length)] ?? 'unknown',
        nextBestAction: null,
      };
    });
    const card = rollUp(statuses.map((status) => status.light));
    const region = REGIONS[index % REGIONS.length];
    const segment = SEGMENTS[index % SEGMENTS.length];
    const partner = {
      partnerId: `ptr_${String(index).padStart(5, '0')}`,
      partnerName: `Partner ${String(index).padStart(5, '0')}`,
      region,
      segment,
      light: card.light,
      label: card.label,
      score: card.score,
      explanation: card.explanation,
      objectives: statuses,
    };
    const key = groupBy === 'region' ? region : segment;
    const members = groups.get(key) ?? [];
    members.push(partner);
    groups.set(key, members);
  }
  const boardGroups = [...groups.keys()].sort().map((key) => {
    const partners = groups
      .get(key)
      .sort((a, b) => ATTENTION[a.light] - ATTENTION[b.light] || (a.score ?? 9) - (b.score ?? 9));
    return { key, ...rollUp(partners.map((partner) => partner.light)), partners };
  });
  const overall = rollUp(boardGroups.flatMap((group) => group.partners.map((p) => p.light)));
  return {
    groupBy,
    generatedAt: '2026-11-23T12:00:00.000Z',
    light: overall.light,
    label: overall.label,
    score: overall.score,
    explanation: overall.explanation,
    objectives,
    groups: boardGroups.map(({ counts, ...group }) => ({ ...group, counts })),
  };
};
