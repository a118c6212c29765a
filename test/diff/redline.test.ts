import { describe, expect, it } from 'vitest';
import { redline } from '../../src/diff/compare/redline.ts';
import { markdownRedline } from '../../src/diff/render/render-markdown.ts';
import { htmlRedline } from '../../src/diff/render/render-html.ts';

describe('word-level redline', () => {
  it('marks the changed word only', () => {
    expect(redline('ten minste acht uur per week;', 'ten minste tien uur per week;')).toEqual([
      { op: 'equal', text: 'ten minste ' }, { op: 'delete', text: 'acht ' }, { op: 'insert', text: 'tien ' }, { op: 'equal', text: 'uur per week;' },
    ]);
  });

  it('treats punctuation as its own token and folds a lone mark between changes into the change', () => {
    const segments = redline('verbiedt.', 'verbiedt; e. een netto inkomen.');
    expect(markdownRedline(segments)).toBe('verbiedt~~.~~**; e. een netto inkomen.**');
  });

  it('identical texts: one equal segment; an empty old text: one insertion', () => {
    expect(redline('a b c', 'a b c')).toEqual([{ op: 'equal', text: 'a b c' }]);
    expect(redline('', 'nieuw artikel')).toEqual([{ op: 'insert', text: 'nieuw artikel' }]);
  });

  it('renders to HTML with escaping', () => {
    expect(htmlRedline(redline('a < b', 'a > b'))).toBe('a <del>&lt;</del> <ins>&gt;</ins> b');
  });
});
