import { defineElement } from '../shared/define-element.js';
import { PrmTrafficLightBoard } from './traffic-light-board.js';

defineElement('prm-traffic-light-board', PrmTrafficLightBoard);

declare global {
  interface HTMLElementTagNameMap {
    'prm-traffic-light-board': PrmTrafficLightBoard;
  }
}

export { PrmTrafficLightBoard };
