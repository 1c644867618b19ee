/**
 * Every element, registered: `import '@openprm/elements'` defines all `prm-*` tags. To load one
 * element alone, import its entry instead, e.g. `import '@openprm/elements/registration-form'`.
 */
export * from './events.js';
export { PrmProvider } from './provider/define.js';
export { PrmReservationCheck } from './reservation-check/define.js';
export { LOCALES, type Locale } from './shared/localize.js';
