import { describe, expect, it } from 'vitest';
import { CsvFormatError, csvRecords, textSource } from './csv-records.js';

const collect = async (text: string, sliceLength?: number) => {
  const records: { row: number; cells: string[] }[] = [];
  for await (const record of csvRecords(textSource(text, sliceLength))) records.push(record);
  return records;
};

describe('csvRecords', () => {
  it('numbers records like spreadsheet rows, with quoted commas, line breaks and a BOM', async () => {
    expect(await collect('\uFEFFname,note\r\n"Acme, Inc.","two\nlines"\n\nLast,  x  \n')).toEqual([
      { row: 1, cells: ['name', 'note'] },
      { row: 2, cells: ['Acme, Inc.', 'two\nlines'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['Last', 'x'] },
    ]);
  });

  it('keeps characters whole across slice boundaries', async () => {
    const records = await collect('name\n😀😀😀\nZürich\n', 3);
    expect(records.map((r) => r.cells[0])).toEqual(['name', '😀😀😀', 'Zürich']);
  });

  it('says where a file stops being CSV', async () => {
    await expect(collect('name\nok\n"open\n')).rejects.toBeInstanceOf(CsvFormatError);
    await expect(collect('name\nok\n"open\n')).rejects.toMatchObject({ row: 3 });
  });
});
