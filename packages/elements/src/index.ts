/**
 * Every element, registered: `import '@openprm/elements'` defines all `prm-*` tags. To load one
 * element alone, import its entry instead, e.g. `import '@openprm/elements/registration-form'`.
 */
export { PrmAccountLookup } from './account-lookup/define.js';
export { PrmContractAcceptance } from './contract-acceptance/define.js';
export * from './events.js';
export { PrmProvider } from './provider/define.js';
export { PrmRegistrationForm } from './registration-form/define.js';
export { PrmRegistrationList } from './registration-list/define.js';
export { PrmReservationCheck } from './reservation-check/define.js';
export { LOCALES, type Locale } from './shared/localize.js';
export { PrmSkillsFinder } from './skills-finder/define.js';
export { PrmTrafficLightBoard } from './traffic-light-board/define.js';
