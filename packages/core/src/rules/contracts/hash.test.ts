import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashContractContent } from './hash.js';

describe('hashContractContent', () => {
  it('matches the published SHA-256 test vectors', async () => {
    expect(await hashContractContent('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await hashContractContent('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('hashes the UTF-8 bytes of any text, as Node does (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), async (content) => {
        const expected = createHash('sha256').update(content, 'utf8').digest('hex');
        expect(await hashContractContent(content)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('changes when a single character of the text changes', async () => {
    const a = await hashContractContent('The partner shall keep deal data confidential.');
    const b = await hashContractContent('The partner shall keep deal data confidential!');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[a-f0-9]{64}$/);
  });
});
