import { demoPdf } from './demo-pdf.util';

describe('demoPdf', () => {
  it('writes a PDF whose cross-reference table points at each object', () => {
    const text = demoPdf('Marsad demo (report) \\ 1').toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    // Parentheses and backslashes would end the PDF string early: they are dropped.
    expect(text).toContain('(Marsad demo report  1) Tj');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
    expect(text.slice(startxref).startsWith('xref')).toBe(true);
  });
});
