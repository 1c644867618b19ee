import type { PartnerSearchResponse, PartnerSearchResult, SkillLevel } from '@openprm/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PrmPartnerSelectedEvent } from '../events/partner-selected.js';
import { TaskStatus } from '../shared/api-task.js';
import { formatNumber } from '../shared/format.js';
import { PrmElement } from '../shared/prm-element.js';
import { renderEmpty, renderTask } from '../shared/status-view.js';
import { badgeStyles, baseStyles } from '../shared/styles.js';
import { SkillChips } from './skills-finder.chips.js';
import { type FilterPatch, renderForm } from './skills-finder.form.js';
import { type SkillsFinderMessageKey, skillsFinderMessages } from './skills-finder.messages.js';
import {
  hasCriteria,
  isSkillLevel,
  type PartnerSearchQueryInput,
  parseSkillList,
  pointProblem,
  type SearchFilters,
  type SkillMatchMode,
  toSearchQuery,
} from './skills-finder.query.js';
import { kilometres, renderResults } from './skills-finder.results.js';
import { skillsFinderStyles } from './skills-finder.styles.js';

/** Partners read for suggestions when the page gives no taxonomy: one page is enough to learn it. */
const FACET_SAMPLE = 100;
/** Pause after the last change before an `auto-search` finder searches again. */
const AUTO_SEARCH_DELAY_MS = 350;

interface Facets {
  skills: string[];
  countries: string[];
  regions: string[];
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * Who is best for this customer? Search partners by skills (all or any), minimum level,
 * certification and place (country, region, or near a point with a radius), and see them ranked
 * best first with the reasons for each score, a badge on profiles that may be out of date, and a
 * button to choose one. When too few partners are near the point, the server widens the search and
 * the finder says so.
 *
 * Needs a vendor-side role (`vendor_admin` or `channel_manager`): partners cannot search.
 *
 * @summary Partner search by skill and place, ranked with reasons.
 *
 * @event prm-partner-selected - A person chose a partner; `partner` is the whole search result (partner, score, explanation, stale).
 *
 * @csspart form - The search form.
 * @csspart heading - The form's heading.
 * @csspart skills - The skill chips and their input.
 * @csspart chips - The list of chosen skills.
 * @csspart chip - One chosen skill.
 * @csspart chip-remove-button - The button removing one skill.
 * @csspart skill-input - The text input for skills (a combobox).
 * @csspart suggestions - The list of suggested skills.
 * @csspart suggestion - One suggested skill.
 * @csspart match - The all/any choice.
 * @csspart min-level - The minimum level select.
 * @csspart certified-only - The "certified partners only" checkbox.
 * @csspart include-stale - The "include out-of-date profiles" checkbox.
 * @csspart place - The place fields.
 * @csspart country - The country select.
 * @csspart region - The region select.
 * @csspart near - The "near a point" fields.
 * @csspart point-lat - Latitude.
 * @csspart point-lng - Longitude.
 * @csspart point-radius - Radius in km.
 * @csspart field-error - A message under a field that needs correcting.
 * @csspart search-button - Submits the search.
 * @csspart result-count - How many partners were found (announced).
 * @csspart widened-notice - Says the server widened the search (announced).
 * @csspart results - The ranked list.
 * @csspart result - One partner in the list.
 * @csspart partner-name - The partner's name.
 * @csspart stale-badge - "Profile may be out of date", with a symbol.
 * @csspart score - The score in words and its bar.
 * @csspart score-bar - The bar (its length shows the score).
 * @csspart location - Where the partner is, and the distance to the point.
 * @csspart explanation - Why the partner scores as it does.
 * @csspart matched-skills - Each requested skill: level, certification, or missing.
 * @csspart score-parts - The points each part adds to the score.
 * @csspart choose-button - Chooses the partner.
 * @csspart initial - The hint before the first search.
 * @csspart loading - The loading state.
 * @csspart empty - No partner matches.
 * @csspart error - An error, with a retry.
 * @csspart retry-button - Retry after an error.
 *
 * @cssproperty --prm-color-accent - Buttons, chips and the score bar.
 * @cssproperty --prm-color-amber - The stale badge.
 * @cssproperty --prm-skills-finder-bar-height - Height of the score bar. @default 0.5rem
 */
export class PrmSkillsFinder extends PrmElement<SkillsFinderMessageKey> {
  static override styles = [baseStyles, badgeStyles, skillsFinderStyles];
  protected readonly messages = skillsFinderMessages;

  /** Skills to search for, comma-separated taxonomy keys, e.g. `networking,security`. */
  @property() skills = '';

  /** `all`: partners must have every skill; `any`: at least one. */
  @property() match: SkillMatchMode = 'all';

  /** The lowest skill level that counts: `foundation`, `practitioner` or `expert`. @default any level */
  @property({ attribute: 'min-level' }) minLevel: SkillLevel | '' = '';

  /** Only partners whose skills a valid certification proves. */
  @property({ type: Boolean, attribute: 'certified-only' }) certifiedOnly = false;

  /** Also list profiles not updated for a long time; they are flagged and rank lower. */
  @property({ type: Boolean, attribute: 'include-stale' }) includeStale = false;

  /** ISO country code the partner must serve, e.g. `DE`. */
  @property() country = '';

  /** Sales region, e.g. `DACH`. */
  @property() region = '';

  /** Latitude of the point to search near (with `lng`). */
  @property() lat = '';

  /** Longitude of the point to search near (with `lat`). */
  @property() lng = '';

  /** Radius around the point in km; the server widens it when too few partners are inside. */
  @property({ attribute: 'radius-km' }) radiusKm = '';

  /** Most partners listed (1–100). */
  @property({ type: Number }) limit = 25;

  /** Search again shortly after each change, once a first search has run. */
  @property({ type: Boolean, attribute: 'auto-search' }) autoSearch = false;

  /** Skills to suggest. @default the skills of the first partners the client can list */
  @property({ attribute: false }) skillOptions: readonly string[] | undefined;

  /** Countries to offer (ISO codes). @default those of the first partners the client can list */
  @property({ attribute: false }) countryOptions: readonly string[] | undefined;

  /** Regions to offer. @default those of the first partners the client can list */
  @property({ attribute: false }) regionOptions: readonly string[] | undefined;

  @state() private problem: ReturnType<typeof pointProblem>;
  @state() private announcement = '';
  /** The query of the search shown; set on each search, so the same query searches again. */
  private query: PartnerSearchQueryInput | undefined;
  /** Set on the first update when attributes preset a search; cleared once it ran. */
  private presetPending = false;
  private autoSearchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly chips = new SkillChips(this, {
    skills: () => parseSkillList(this.skills),
    taxonomy: () => this.skillOptions ?? this.facets.value?.skills ?? [],
    onChange: (skills, { added, removed }) => {
      this.skills = skills.join(',');
      this.announcement = added
        ? this.t('skillAdded', { skill: added })
        : this.t('skillRemoved', { skill: removed ?? '' });
      this.changedByPerson();
    },
  });

  /** What to suggest and offer, learnt from the partners the caller can see; failing is harmless. */
  private readonly facets = this.apiTask(
    () => [this.skillOptions && this.countryOptions && this.regionOptions] as const,
    async (client, [given], signal): Promise<Facets> => {
      if (given) return { skills: [], countries: [], regions: [] };
      const page = await client.partners.list({ limit: FACET_SAMPLE }, { signal });
      return {
        skills: sorted(
          page.data.flatMap((partner) => [
            ...partner.skills.map(({ skill }) => skill),
            ...partner.certifications.flatMap(({ skill }) => (skill ? [skill] : [])),
          ]),
        ),
        countries: sorted(page.data.flatMap((partner) => partner.countries)),
        regions: sorted(page.data.map((partner) => partner.region)),
      };
    },
  );

  private readonly results = this.apiTask(
    () => [this.query] as const,
    (client, [query], signal) => client.partners.search(query ?? {}, { signal }),
    { autoRun: false },
  );

  private get filters(): SearchFilters {
    return {
      skills: parseSkillList(this.skills),
      match: this.match === 'any' ? 'any' : 'all',
      minLevel: isSkillLevel(this.minLevel) ? this.minLevel : '',
      certifiedOnly: this.certifiedOnly,
      includeStale: this.includeStale,
      country: this.country.trim().toUpperCase(),
      region: this.region.trim(),
      lat: this.lat,
      lng: this.lng,
      radiusKm: this.radiusKm,
      limit: Math.min(100, Math.max(1, Math.trunc(this.limit) || 25)),
    };
  }

  /**
   * Searches with the current filters; a newer search aborts an older one still running. Resolves
   * when the results (or an error) are shown; does nothing while the point fields need correcting.
   */
  async search(): Promise<void> {
    const filters = this.filters;
    this.problem = pointProblem(filters);
    if (this.problem) return;
    this.presetPending = false;
    clearTimeout(this.autoSearchTimer);
    this.query = toSearchQuery(filters);
    await this.results.run();
  }

  /** Runs the search shown again, e.g. after partners updated their skills; nothing before a first search. */
  refresh(): Promise<void> {
    return this.results.status === TaskStatus.INITIAL ? Promise.resolve() : this.results.run();
  }

  /** Inside `<prm-provider live>`, a partner's new skills inventory refreshes the results. */
  protected override readonly liveEventTypes = ['partner.skills_updated'] as const;

  protected override retryAfterReconnect(): void {
    if (this.results.error) void this.results.run();
    if (this.facets.error) void this.facets.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.autoSearchTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) this.presetPending = hasCriteria(this.filters);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A preset search (attributes) runs once a client is there, whether set or provided.
    if (this.presetPending && this.api) {
      this.presetPending = false;
      // After this update, so the search's own state changes start a fresh one.
      void this.updateComplete.then(() => this.search());
    }
  }

  private changedByPerson(): void {
    this.presetPending = false;
    if (this.problem) this.problem = pointProblem(this.filters);
    if (!this.autoSearch || this.results.status === TaskStatus.INITIAL) return;
    clearTimeout(this.autoSearchTimer);
    this.autoSearchTimer = setTimeout(() => void this.search(), AUTO_SEARCH_DELAY_MS);
  }

  private readonly change = (patch: FilterPatch) => {
    Object.assign(this, patch);
    this.changedByPerson();
  };

  private readonly submit = async (event: SubmitEvent) => {
    event.preventDefault();
    await this.search();
    if (this.problem) {
      this.renderRoot.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
    }
  };

  private readonly choose = (result: PartnerSearchResult) =>
    this.dispatchEvent(new PrmPartnerSelectedEvent(result));

  protected override render() {
    const facets = this.facets.value;
    return html`
      ${renderForm({
        ...this.textView,
        filters: this.filters,
        countries: this.countryOptions ?? facets?.countries ?? [],
        regions: this.regionOptions ?? facets?.regions ?? [],
        pointProblem: this.problem,
        busy: this.results.status === TaskStatus.PENDING,
        chips: this.chips.render({
          skills: this.t('skills'),
          hint: this.t('skillsHint'),
          suggestions: this.t('suggestions'),
          chosen: this.t('chosenSkills'),
          invalid: this.t('invalidSkill'),
          remove: (skill) => this.t('removeSkill', { skill }),
        }),
        change: this.change,
        submit: this.submit,
      })}
      <section class="outcome" aria-labelledby="finder-heading" aria-busy=${this.results.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <p class="count" part="result-count" role="status">${this.summary()}</p>
        <p class="widened" part="widened-notice" role="status">${this.widenedNotice()}</p>
        ${renderTask(this.results, this.language, {
          initial: () =>
            html`<div class="status" part="initial" data-kind="initial"><span>${this.t('initial')}</span></div>`,
          isEmpty: (response) => response.data.length === 0,
          empty: () => renderEmpty(this.t('empty')),
          complete: (response) =>
            renderResults({ ...this.textView, choose: this.choose }, response),
        })}
      </section>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  /** The language and texts, for the render helpers in the other files of this folder. */
  private get textView() {
    return {
      locale: this.language,
      t: (key: SkillsFinderMessageKey, params?: Record<string, string | number>) =>
        this.t(key, params),
    };
  }

  private get shown(): PartnerSearchResponse | undefined {
    return this.results.status === TaskStatus.COMPLETE ? this.results.value : undefined;
  }

  private summary() {
    const count = this.shown?.data.length;
    if (count === undefined) return nothing;
    return this.t('count', { n: count, count: formatNumber(this.language, count, 0) });
  }

  private widenedNotice() {
    const widened = this.shown?.widened;
    if (!widened) return nothing;
    const view = this.textView;
    return html`<span aria-hidden="true">ⓘ</span>
      ${this.t('widened', {
        from: kilometres(view, widened.fromKm),
        to: widened.toKm === null ? this.t('anyDistance') : kilometres(view, widened.toKm),
      })}`;
  }
}
