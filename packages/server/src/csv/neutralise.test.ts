import { describe, expect, it } from 'vitest';
import { csvLine, neutraliseCell } from './neutralise.js';

describe('neutraliseCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x")'])(
    'prefixes %j with a quote so a spreadsheet shows it as text',
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
    },
  );

  it.each(['Acme', '', '1-2', 'a=b', " 'quoted", '42'])('leaves %j as it is', (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });
});

describe('csvLine', () => {
  it('quotes cells with commas, quotes or line breaks and neutralises formulas', () => {
    expect(csvLine([3, 'name', 'Say "hi", then leave'])).toBe('3,name,"Say ""hi"", then leave"');
    expect(csvLine([2, null, '=cmd|"/c calc"!A1'])).toBe(`2,,"'=cmd|""/c calc""!A1"`);
    expect(csvLine(['line\nbreak'])).toBe('"line\nbreak"');
  });
});
