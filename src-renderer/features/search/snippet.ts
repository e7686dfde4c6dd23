import type { SearchHit } from '@shared/search/schemas';

// A search hit shows its title and, under it, the text around the matched words. When the words
// matched in the title itself, that text is the title again: it is shown once, highlighted.

const plain = (s: string) =>
  s
    .replace(/…/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase();

/** True when the snippet says nothing the title does not (it is the title, or a piece of it). */
export function snippetRepeatsTitle(hit: Pick<SearchHit, 'title' | 'snippet'>): boolean {
  const text = plain(hit.snippet.map((p) => p.text).join(''));
  return text === '' || plain(hit.title).includes(text);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The whole title, its words that matched (as the snippet marks them) highlighted. */
export function titleParts(hit: Pick<SearchHit, 'title' | 'snippet'>): { text: string; hit: boolean }[] {
  const words = [...new Set(hit.snippet.filter((p) => p.hit && p.text.trim()).map((p) => p.text.trim()))];
  if (words.length === 0) return [{ text: hit.title, hit: false }];
  const re = new RegExp(`(${words.map(escape).join('|')})`, 'giu');
  const lower = new Set(words.map((w) => w.toLocaleLowerCase()));
  return hit.title
    .split(re)
    .filter((t) => t !== '')
    .map((text) => ({ text, hit: lower.has(text.toLocaleLowerCase()) }));
}
