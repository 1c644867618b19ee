/** The search form around the skill chips: match mode, level, certification, freshness, place. */
import { SKILL_LEVELS } from '@openprm/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../shared/localize.js';
import type { SkillsFinderMessageKey } from './skills-finder.messages.js';
import type { PointProblem, SearchFilters } from './skills-finder.query.js';
import { countryName } from './skills-finder.results.js';

export type FilterPatch = Partial<Omit<SearchFilters, 'skills' | 'limit'>>;

export interface FormView {
  locale: Locale;
  t: (key: SkillsFinderMessageKey, params?: Record<string, string | number>) => string;
  filters: SearchFilters;
  countries: readonly string[];
  regions: readonly string[];
  pointProblem: PointProblem | undefined;
  busy: boolean;
  chips: TemplateResult;
  /** A person changed a filter (the skills change through the chips). */
  change: (patch: FilterPatch) => void;
  submit: (event: SubmitEvent) => void;
}

const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;
const checked = (event: Event) => (event.target as HTMLInputElement).checked;

const renderMatch = ({ t, filters, change }: FormView) => html`
  <fieldset class="group" part="match">
    <legend>${t('match')}</legend>
    ${(['all', 'any'] as const).map(
      (mode) => html`<label class="choice">
        <input
          type="radio"
          name="match"
          value=${mode}
          .checked=${filters.match === mode}
          @change=${() => change({ match: mode })}
        />
        ${t(mode === 'all' ? 'matchAll' : 'matchAny')}
      </label>`,
    )}
  </fieldset>
`;

const renderLevelAndFlags = ({ t, filters, change }: FormView) => html`
  <div class="field">
    <label for="min-level">${t('minLevel')}</label>
    <select
      id="min-level"
      part="min-level"
      @change=${(event: Event) => change({ minLevel: value(event) as SearchFilters['minLevel'] })}
    >
      <option value="" ?selected=${filters.minLevel === ''}>${t('anyLevel')}</option>
      ${SKILL_LEVELS.map(
        (level) =>
          html`<option value=${level} ?selected=${filters.minLevel === level}>${t(level)}</option>`,
      )}
    </select>
  </div>
  <div class="flags">
    <label class="choice">
      <input
        type="checkbox"
        part="certified-only"
        .checked=${filters.certifiedOnly}
        @change=${(event: Event) => change({ certifiedOnly: checked(event) })}
      />
      ${t('certifiedOnly')}
    </label>
    <label class="choice">
      <input
        type="checkbox"
        part="include-stale"
        .checked=${filters.includeStale}
        @change=${(event: Event) => change({ includeStale: checked(event) })}
      />
      ${t('includeStale')}
    </label>
  </div>
`;

/** A select whose options are the known values, keeping a preset one the list does not know. */
const renderSelect = (
  id: 'country' | 'region',
  view: FormView,
  known: readonly string[],
  anyLabel: string,
  label: (code: string) => string,
) => {
  const current = view.filters[id];
  const options = current && !known.includes(current) ? [current, ...known] : known;
  return html`
    <div class="field">
      <label for=${id}>${view.t(id)}</label>
      <select
        id=${id}
        part=${id}
        @change=${(event: Event) => view.change({ [id]: value(event) })}
      >
        <option value="" ?selected=${current === ''}>${anyLabel}</option>
        ${options.map(
          (option) =>
            html`<option value=${option} ?selected=${current === option}>${label(option)}</option>`,
        )}
      </select>
    </div>
  `;
};

const POINT_FIELDS = [
  { key: 'lat', min: -90, max: 90, problems: ['pointIncomplete', 'latOutOfRange'] },
  { key: 'lng', min: -180, max: 180, problems: ['pointIncomplete', 'lngOutOfRange'] },
  { key: 'radiusKm', min: 0, max: 20_000, problems: ['radiusOutOfRange'] },
] as const;

const renderNear = (view: FormView) => {
  const { t, filters, pointProblem, change } = view;
  return html`
    <fieldset class="group near" part="near">
      <legend>${t('near')}</legend>
      <div class="point">
        ${POINT_FIELDS.map(({ key, min, max, problems }) => {
          const invalid =
            pointProblem !== undefined && (problems as readonly string[]).includes(pointProblem);
          return html`<div class="field">
            <label for="point-${key}">${t(key)}</label>
            <input
              id="point-${key}"
              part="point-${key === 'radiusKm' ? 'radius' : key}"
              type="number"
              inputmode="decimal"
              step="any"
              min=${min}
              max=${max}
              .value=${filters[key]}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${invalid ? 'point-error' : nothing}
              @input=${(event: Event) => change({ [key]: value(event) })}
            />
          </div>`;
        })}
      </div>
      ${
        pointProblem
          ? html`<p id="point-error" class="field-error" part="field-error">
              <span aria-hidden="true">⚠</span> ${t(pointProblem)}
            </p>`
          : nothing
      }
    </fieldset>
  `;
};

export const renderForm = (view: FormView) => html`
  <form class="form" part="form" novalidate aria-labelledby="finder-heading" @submit=${view.submit}>
    <h2 class="heading" part="heading" id="finder-heading">${view.t('heading')}</h2>
    ${view.chips} ${renderMatch(view)}
    <div class="row">${renderLevelAndFlags(view)}</div>
    <fieldset class="group" part="place">
      <legend>${view.t('place')}</legend>
      <div class="row">
        ${renderSelect('country', view, view.countries, view.t('anyCountry'), (code) =>
          countryName(view.locale, code),
        )}
        ${renderSelect('region', view, view.regions, view.t('anyRegion'), (region) => region)}
      </div>
      ${renderNear(view)}
    </fieldset>
    <div class="actions">
      <button type="submit" part="search-button">
        ${view.busy ? view.t('searching') : view.t('search')}
      </button>
    </div>
  </form>
`;
