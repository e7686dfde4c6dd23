import { formatMessage, type KeyedMessage, type MessageLocale } from './index';

// "How is this computed?": every figure the core returns (impact, ROI, RAG status, XmR limits)
// carries its method as data — the window, what it rests on, the uncertainty and the sentences —
// as message keys and params of this catalogue. The app shows them in the user's language; the
// reports print the very same sentences in their methods appendix (methodSentences).

export interface FigureMethod {
  /** The dates the figure covers, both inclusive; null when it has none (a status with no data). */
  window: { from: string; to: string } | null;
  /**
   * What the figure rests on: measurements (points) or calendar months, how many, and which
   * periods when they are few enough to list (first days, as everywhere in Boucle).
   */
  used: { count: number; unit: 'points' | 'months'; periods?: string[] } | null;
  /** The uncertainty in words: an interval and how it was obtained, or why there is none. */
  uncertainty: KeyedMessage | null;
  /** The method, sentence by sentence, in the order to read them. */
  sentences: KeyedMessage[];
}

/** The sentences of a method in a language (the app's "How is this computed?", the reports' appendix). */
export function methodSentences(m: FigureMethod, locale: MessageLocale): string[] {
  const all = m.uncertainty ? [...m.sentences, m.uncertainty] : m.sentences;
  return all.map((s) => formatMessage(s.key, s.params, locale));
}

/** A sentence of a method: key and params, params left out when there are none. */
export function sentence(key: KeyedMessage['key'], params?: KeyedMessage['params']): KeyedMessage {
  return params ? { key, params } : { key };
}
