export * from './contract/index.js';
export * from './random/seeded-random.js';
export * from './rules/index.js';
export * from './schemas/index.js';
