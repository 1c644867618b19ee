import { defineElement } from '../shared/define-element.js';
import { PrmSkillsFinder } from './skills-finder.js';

defineElement('prm-skills-finder', PrmSkillsFinder);

declare global {
  interface HTMLElementTagNameMap {
    'prm-skills-finder': PrmSkillsFinder;
  }
}

export { PrmSkillsFinder };
