import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The global print rules: a printout keeps what informs (e.g. the overview's status counts, which are
// buttons that filter) and leaves out only controls that act, and it may carry print-only lines.
const styles = readFileSync(join(__dirname, '../styles.scss'), 'utf8');

/** The body of the top-level `@media print { … }` block. */
function printBlock(): string {
  const start = styles.indexOf('@media print {');
  expect(start).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let i = styles.indexOf('{', start); i < styles.length; i++) {
    if (styles[i] === '{') depth++;
    else if (styles[i] === '}' && --depth === 0) return styles.slice(styles.indexOf('{', start) + 1, i);
  }
  throw new Error('unbalanced @media print block');
}

/** The selectors of every rule in the block that hides with `display: none`. */
function hiddenSelectors(block: string): string[] {
  const withoutComments = block.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutComments.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .filter(([, , body]) => /display:\s*none/.test(body))
    .flatMap(([, selectors]) => selectors.split(',').map((s) => s.trim()))
    .filter(Boolean);
}

describe('print styles', () => {
  it('do not hide every button, only controls that carry no information', () => {
    const hidden = hiddenSelectors(printBlock());
    expect(hidden).toContain('.msd-no-print');
    expect(hidden).not.toContain('button');
    expect(hidden.filter((s) => /^button\b/.test(s) && !s.includes('.'))).toEqual([]);
  });

  it('hide print-only lines on screen and show them on paper', () => {
    const screen = styles.replace(printBlock(), '');
    expect(screen).toMatch(/\.msd-print-only\s*\{\s*display:\s*none;/);
    expect(printBlock()).toMatch(/\.msd-print-only\s*\{\s*display:\s*block/);
  });
});
