/** The demo data draws from core's seeded generator, as the mock's fixtures do. */
export {
  createSeededRandom as createRandom,
  type SeededRandom as Random,
} from '@openprm/core';
