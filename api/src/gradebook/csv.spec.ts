import { csvCell, csvLine } from './gradebook.service';

describe('CSV cells', () => {
  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const value of ['=1+1', '+31 6', '-2', '@SUM(A1)', '\tx']) expect(csvCell(value).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('سلمى')).toBe('سلمى');
    expect(csvCell('a-b')).toBe('a-b');
  });

  it('quotes commas, quotes and line breaks, and ends records with CRLF', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', ''])).toBe('"a,b","say ""hi""","two\nlines",\r\n');
  });
});
