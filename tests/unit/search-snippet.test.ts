import { describe, expect, it } from 'vitest';
import { snippetRepeatsTitle, titleParts } from '../../src-renderer/features/search/snippet';

// A search hit shows each text once: a snippet that is the title (or a piece of it) is not repeated
// under it; the title then carries the highlights.

const hit = (title: string, snippet: [string, boolean][]) => ({ title, snippet: snippet.map(([text, h]) => ({ text, hit: h })) });

describe('search hit text', () => {
  it('sees a snippet cut from the title as a repeat', () => {
    expect(snippetRepeatsTitle(hit('Blocked invoices wait for the buyer', [['Blocked ', false], ['invoices', true], [' wait for the buyer', false]]))).toBe(true);
    expect(snippetRepeatsTitle(hit('Les factures bloquées attendent l’acheteur', [['…', false], ['factures', true], [' bloquées attendent…', false]]))).toBe(true);
    expect(snippetRepeatsTitle(hit('Blocked invoices', [['AP e-mails the buyer about the ', false], ['invoice', true], [' and waits', false]]))).toBe(false);
  });

  it('highlights the matched words in the whole title, whatever their case', () => {
    expect(titleParts(hit('Invoices paid late: invoice count', [['Invoices', true], [' paid late', false]]))).toEqual([
      { text: 'Invoices', hit: true },
      { text: ' paid late: invoice count', hit: false },
    ]);
    expect(titleParts(hit('Facture bloquée — facture client', [['Facture', true], [' bloquée…', false]]))).toEqual([
      { text: 'Facture', hit: true },
      { text: ' bloquée — ', hit: false },
      { text: 'facture', hit: true },
      { text: ' client', hit: false },
    ]);
    expect(titleParts(hit('No match here', [['something', false]]))).toEqual([{ text: 'No match here', hit: false }]);
  });
});
