/** The ranked results: each partner with its score in words and a bar, the reasons, and a choice. */
import {
  CERTIFICATIONS_WEIGHT,
  DISTANCE_WEIGHT,
  FRESHNESS_WEIGHT,
  type PartnerSearchResponse,
  type PartnerSearchResult,
  type ScoreExplanation,
  SKILLS_WEIGHT,
} from '@openprm/core';
import { html, nothing } from 'lit';
import { formatNumber, formatPercent } from '../shared/format.js';
import type { Locale } from '../shared/localize.js';
import type { SkillsFinderMessageKey } from './skills-finder.messages.js';

export interface ResultsView {
  locale: Locale;
  t: (key: SkillsFinderMessageKey, params?: Record<string, string | number>) => string;
  choose: (result: PartnerSearchResult) => void;
}

const WEIGHTS = {
  skills: SKILLS_WEIGHT,
  certifications: CERTIFICATIONS_WEIGHT,
  distance: DISTANCE_WEIGHT,
  freshness: FRESHNESS_WEIGHT,
} as const;

const PART_LABELS = {
  skills: 'skillsPart',
  certifications: 'certificationsPart',
  distance: 'distancePart',
  freshness: 'freshnessPart',
} as const satisfies Record<keyof typeof WEIGHTS, SkillsFinderMessageKey>;

const regionNames = new Map<Locale, Intl.DisplayNames>();

/** "DE" → "Germany" / "Deutschland"; an unknown code stays as it is. */
export const countryName = (locale: Locale, code: string): string => {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames(locale, { type: 'region' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
};

export const kilometres = (view: Pick<ResultsView, 'locale' | 't'>, km: number): string =>
  view.t('km', { km: formatNumber(view.locale, km, km < 10 ? 1 : 0) });

/** "networking: expert, certified" — the facts of each requested skill, in words. */
const skillReasons = (view: ResultsView, explanation: ScoreExplanation): string[] => [
  ...explanation.matched.map(({ skill, level, meetsLevel, certified }) => {
    const facts = [
      level === null ? view.t('levelNotListed') : view.t(level),
      ...(certified ? [view.t('certified')] : []),
      ...(level !== null && !meetsLevel ? [view.t('belowLevel')] : []),
    ];
    return view.t('matchedSkill', { skill, level: facts.join(', ') });
  }),
  ...explanation.missing.map((skill) => view.t('missingSkill', { skill })),
];

/** Each part of the score as the points it adds out of 100: "Skills (+30)". */
const scoreParts = (view: ResultsView, explanation: ScoreExplanation): string[] =>
  (Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]).map((part) =>
    view.t('points', {
      part: view.t(PART_LABELS[part]),
      points: formatNumber(
        view.locale,
        Math.round(explanation.components[part] * WEIGHTS[part] * 100),
        0,
      ),
    }),
  );

const location = (view: ResultsView, result: PartnerSearchResult): string => {
  const { partner, explanation } = result;
  const office = partner.offices[0];
  const place = office
    ? `${office.city}, ${countryName(view.locale, office.country)}`
    : partner.countries.map((code) => countryName(view.locale, code)).join(', ');
  const distance =
    explanation.distanceKm !== null && explanation.nearestOffice !== null
      ? view.t('distance', {
          km: kilometres(view, explanation.distanceKm),
          office: explanation.nearestOffice,
        })
      : undefined;
  return [place, view.t('regionName', { region: partner.region }), distance]
    .filter((part) => part)
    .join(' · ');
};

const renderResult = (view: ResultsView, result: PartnerSearchResult, index: number) => {
  const { partner, explanation, score } = result;
  const nameId = `partner-${index}`;
  return html`
    <li class="result" part="result" aria-labelledby=${nameId} data-partner-id=${partner.id}>
      <div class="result-head">
        <h3 class="partner-name" part="partner-name" id=${nameId}>${partner.name}</h3>
        ${
          result.stale
            ? html`<span class="badge stale" part="stale-badge">
                <span aria-hidden="true">⚠</span> ${view.t('stale')}
              </span>`
            : nothing
        }
      </div>
      <div class="score" part="score">
        <span>${view.t('score', { percent: formatPercent(view.locale, score) })}</span>
        <span class="score-bar" part="score-bar" aria-hidden="true">
          <span class="score-fill" style="inline-size: ${Math.round(score * 100)}%"></span>
        </span>
      </div>
      <p class="location" part="location">
        <span class="visually-hidden">${view.t('location')}: </span>${location(view, result)}
      </p>
      <div class="explanation" part="explanation">
        <p class="explanation-title">${view.t('explanation')}</p>
        <ul class="reasons" part="matched-skills">
          ${skillReasons(view, explanation).map((reason) => html`<li>${reason}</li>`)}
        </ul>
        <ul class="parts" part="score-parts">
          ${scoreParts(view, explanation).map((part) => html`<li>${part}</li>`)}
        </ul>
      </div>
      <button
        type="button"
        part="choose-button"
        aria-label=${view.t('choosePartner', { name: partner.name })}
        @click=${() => view.choose(result)}
      >
        ${view.t('choose')}
      </button>
    </li>
  `;
};

export const renderResults = (view: ResultsView, response: PartnerSearchResponse) => html`
  <ol class="results" part="results" aria-label=${view.t('results')}>
    ${response.data.map((result, index) => renderResult(view, result, index))}
  </ol>
`;
