/**
 * The skill chips: a text input with taxonomy suggestions (ARIA 1.2 combobox with a listbox) and
 * the chosen skills as chips, each with its own remove button. This object keeps the typing
 * state and asks the host to render; the finder owns the chosen skills and hears of every change
 * through `onChange`.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { toSkillKey } from './skills-finder.query.js';

/** Enough to choose from without a long list to scroll. */
const MAX_SUGGESTIONS = 8;

export interface SkillChipsLabels {
  skills: string;
  hint: string;
  suggestions: string;
  chosen: string;
  invalid: string;
  remove: (skill: string) => string;
}

export interface SkillChipsOptions {
  /** The chosen skills, in order. */
  skills: () => readonly string[];
  /** The taxonomy to suggest from. */
  taxonomy: () => readonly string[];
  /** A person added or removed a skill; `skills` is the new list. */
  onChange: (skills: string[], change: { added?: string; removed?: string }) => void;
}

export class SkillChips {
  /** What is typed in the input. */
  text = '';
  /** Index of the highlighted suggestion, -1 for none. */
  active = -1;
  open = false;
  invalid = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SkillChipsOptions,
  ) {}

  /** Taxonomy keys containing the typed text that are not chosen yet, those starting with it first. */
  get suggestions(): string[] {
    const typed = this.text.trim().toLowerCase().replace(/\s+/g, '-');
    if (typed === '') return [];
    const chosen = new Set(this.options.skills());
    const matching = this.options
      .taxonomy()
      .filter((skill) => !chosen.has(skill) && skill.includes(typed));
    return [
      ...matching.filter((skill) => skill.startsWith(typed)),
      ...matching.filter((skill) => !skill.startsWith(typed)),
    ].slice(0, MAX_SUGGESTIONS);
  }

  private get input(): HTMLInputElement | null {
    return this.host.shadowRoot?.querySelector<HTMLInputElement>('#skill-input') ?? null;
  }

  private update(changes: Partial<Pick<SkillChips, 'text' | 'active' | 'open' | 'invalid'>>) {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  /** Adds the highlighted suggestion, else the typed text when it is a taxonomy key. */
  private commit(): boolean {
    const picked = this.open ? this.suggestions[this.active] : undefined;
    const skill = picked ?? toSkillKey(this.text);
    if (skill === undefined) {
      this.update({ invalid: this.text.trim() !== '' });
      return this.text.trim() !== '';
    }
    this.add(skill);
    return true;
  }

  add(skill: string): void {
    const skills = this.options.skills();
    this.update({ text: '', active: -1, open: false, invalid: false });
    if (!skills.includes(skill)) this.options.onChange([...skills, skill], { added: skill });
  }

  remove(skill: string, refocus = true): void {
    const skills = this.options.skills();
    this.options.onChange(
      skills.filter((chosen) => chosen !== skill),
      { removed: skill },
    );
    // The chip's button is gone with the chip: keep the keyboard in the same place.
    if (refocus) this.input?.focus();
  }

  private readonly onInput = (event: InputEvent) => {
    const text = (event.target as HTMLInputElement).value;
    this.update({ text, invalid: false, open: text.trim() !== '', active: -1 });
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (count === 0) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const from = this.open ? this.active : step === 1 ? -1 : count;
        this.update({ open: true, active: (from + step + count) % count });
        return;
      }
      case 'Enter':
        // An empty input lets Enter submit the form, as in any text field.
        if (this.text.trim() !== '' && this.commit()) event.preventDefault();
        return;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.update({ open: false, active: -1 });
        }
        return;
      case 'Backspace': {
        const last = this.options.skills().at(-1);
        if (this.text === '' && last !== undefined) {
          event.preventDefault();
          this.remove(last, false);
        }
        return;
      }
    }
  };

  private readonly onBlur = () => this.update({ open: false, active: -1 });

  render(labels: SkillChipsLabels) {
    const skills = this.options.skills();
    const suggestions = this.suggestions;
    const expanded = this.open && suggestions.length > 0;
    const activeId = expanded && this.active >= 0 ? `skill-option-${this.active}` : undefined;
    return html`
      <div class="field skills" part="skills">
        <label for="skill-input">${labels.skills}</label>
        ${
          skills.length > 0
            ? html`<ul class="chips" part="chips" aria-label=${labels.chosen}>
                ${skills.map(
                  (skill) => html`<li class="chip" part="chip">
                    <span>${skill}</span>
                    <button
                      type="button"
                      class="chip-remove"
                      part="chip-remove-button"
                      aria-label=${labels.remove(skill)}
                      @click=${() => this.remove(skill)}
                    >
                      <span aria-hidden="true">✕</span>
                    </button>
                  </li>`,
                )}
              </ul>`
            : nothing
        }
        <div class="combobox">
          <input
            id="skill-input"
            part="skill-input"
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-controls="skill-listbox"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-activedescendant=${activeId ?? nothing}
            aria-describedby=${this.invalid ? 'skill-hint skill-error' : 'skill-hint'}
            aria-invalid=${this.invalid ? 'true' : 'false'}
            .value=${this.text}
            @input=${this.onInput}
            @keydown=${this.onKeyDown}
            @blur=${this.onBlur}
          />
          <ul
            id="skill-listbox"
            class="listbox"
            part="suggestions"
            role="listbox"
            aria-label=${labels.suggestions}
            ?hidden=${!expanded}
          >
            ${suggestions.map(
              (skill, index) => html`<li
                id="skill-option-${index}"
                class="option"
                part="suggestion"
                role="option"
                aria-selected=${index === this.active ? 'true' : 'false'}
                @mousedown=${(event: Event) => event.preventDefault()}
                @click=${() => this.add(skill)}
              >
                ${skill}
              </li>`,
            )}
          </ul>
        </div>
        <p id="skill-hint" class="hint muted">${labels.hint}</p>
        ${
          this.invalid
            ? html`<p id="skill-error" class="field-error" part="field-error">
                <span aria-hidden="true">⚠</span> ${labels.invalid}
              </p>`
            : nothing
        }
      </div>
    `;
  }
}
