import { describe, expect, it } from 'vitest';
import { documentBlocks } from './contract-acceptance.document.js';

describe('documentBlocks', () => {
  it('splits paragraphs on blank lines, keeps single line breaks and marks headings', () => {
    expect(
      documentBlocks(
        '# Terms (version 2)\n\n1. First come.\n2. Decisions within 48 hours.\r\n\r\nEnd.',
      ),
    ).toEqual([
      { heading: true, text: 'Terms (version 2)' },
      { heading: false, text: '1. First come.\n2. Decisions within 48 hours.' },
      { heading: false, text: 'End.' },
    ]);
  });

  it('keeps markup as plain text and drops empty blocks', () => {
    expect(documentBlocks('\n\n<img src=x onerror=alert(1)>\n\n\n')).toEqual([
      { heading: false, text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});
