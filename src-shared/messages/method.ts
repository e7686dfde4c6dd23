import { formatMessage, type KeyedMessage, type MessageLocale } from './index';

// "How is this computed?": every figure the core returns (impact, ROI, RAG status, XmR limits)
// carries its method as data — the window, what it rests on, the uncertainty and the sentences — in
// English and French, written by the core. The app shows them in the user's language; the reports
// print the very same sentences in their methods appendix (methodSentences).

export interface FigureMethod {
  /** The dates the figure covers, both inclusive; null when it has none (a status with no data). */
  window: { from: string; to: string } | null;
  /**
   * What the figure rests on: measurements (points) or calendar months, how many, and which
   * periods when they are few enough to list (first days, as everywhere in Boucle).
   */
  used: { count: number; unit: 'points' | 'months'; periods?: string[] } | null;
  /** The uncertainty in words, in each language: an interval and how it was obtained, or why there is none. */
  uncertainty: Record<MessageLocale, string> | null;
  /** The method, sentence by sentence in the order to read them, in each language. */
  text: Record<MessageLocale, string[]>;
  /** The same sentences as keys and params of src-shared/messages, when they come from the catalogue. */
  sentences?: KeyedMessage[];
}

const both = <T>(f: (l: MessageLocale) => T): Record<MessageLocale, T> => ({ en: f('en'), fr: f('fr') });

/** A method from catalogue sentences, written out in every language. */
export function keyedMethod(m: {
  window: FigureMethod['window'];
  used: FigureMethod['used'];
  uncertainty: KeyedMessage | null;
  sentences: KeyedMessage[];
}): FigureMethod {
  const u = m.uncertainty;
  return {
    window: m.window,
    used: m.used,
    uncertainty: u ? both((l) => formatMessage(u.key, u.params, l)) : null,
    text: both((l) => m.sentences.map((s) => formatMessage(s.key, s.params, l))),
    sentences: m.sentences,
  };
}

/** The sentences of a method in a language, its uncertainty last (the app's panel, the reports' appendix). */
export function methodSentences(m: FigureMethod, locale: MessageLocale): string[] {
  return m.uncertainty ? [...m.text[locale], m.uncertainty[locale]] : m.text[locale];
}

/** A sentence of a method: key and params, params left out when there are none. */
export function sentence(key: KeyedMessage['key'], params?: KeyedMessage['params']): KeyedMessage {
  return params ? { key, params } : { key };
}

