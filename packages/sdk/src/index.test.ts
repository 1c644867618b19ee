import { endpoints as contract } from '@openprm/core';
import { describe, expect, it } from 'vitest';
import { endpoints } from './index.js';

describe('preview entry', () => {
  it('exposes the same contract as @openprm/core, so nothing is declared twice', () => {
    expect(endpoints).toBe(contract);
  });
});
