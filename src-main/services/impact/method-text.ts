import type { Estimate, ItsReason, ItsResult } from '../../../src-shared/impact/its-types';
import { MIN_AFTER, MIN_BEFORE, PLACEBO_MIN_TRIES } from './its';

// The impact result in plain words, English and French, for the report and the "how was this
// computed?" panel: the method, the window, the uncertainty, the placebo check and, for a
// no-clear-effect verdict, the reason. The words follow the numbers of the result only (no other
// input), so the text cannot say something the figures do not.
//
// French typography: a no-break space (U+00A0) before « : » and inside « » guillemets, a narrow
// no-break space (U+202F) before « ; ! ? » (Imprimerie nationale usage), a no-break space between
// a number and its unit, and numbers through Intl.NumberFormat('fr-FR'): decimal comma, narrow
// no-break space between thousands, no-break space before « % ».

/** Options of the wording. */
export interface MethodTextOptions {
  /** The indicator's unit in each language (e.g. { en: 'days', fr: 'jours' }); none by default. */
  unit?: { en: string; fr: string };
  /** How a period is shown (default: as stored, e.g. 2025-03-01). */
  formatPeriod?: (period: string, lang: Lang) => string;
}

/** The two languages. */
export type Lang = 'en' | 'fr';

/** The sentences, in order (method, window, effect, AR(1), trend before, placebo, Welch, verdict). */
export interface MethodText {
  /** English sentences. */
  en: string[];
  /** French sentences, in the same order. */
  fr: string[];
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

/** Decimals for numbers of a given size: three significant digits for the largest, at most 6. */
function decimalsFor(...xs: number[]): number {
  const m = Math.max(...xs.filter(Number.isFinite).map(Math.abs));
  if (!(m > 0)) return 2;
  return Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(m))));
}

/** A number with `decimals` decimals (trailing zeros kept with `pad`, so that the three numbers
 *  of an estimate and its interval line up). */
function num(lang: Lang, x: number, decimals: number, signed = false, pad = true): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: pad ? decimals : 0,
    maximumFractionDigits: decimals,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(x);
}

const pct95 = (lang: Lang) => new Intl.NumberFormat(LOCALE[lang], { style: 'percent' }).format(0.95);
const colon = (lang: Lang) => (lang === 'fr' ? `${NBSP}:` : ':');
const semi = (lang: Lang) => (lang === 'fr' ? `${NNBSP};` : ';');
const quote = (lang: Lang, s: string) => (lang === 'fr' ? `«${NBSP}${s}${NBSP}»` : `“${s}”`);

/** "+2.29 days, 95% interval from 1.48 to 3.09" and its French twin. */
function withInterval(lang: Lang, e: Estimate, unit: string): string {
  const d = decimalsFor(e.estimate, e.low, e.high);
  const u = unit ? `${NBSP}${unit}` : '';
  const range = lang === 'en' ? `from ${num(lang, e.low, d)} to ${num(lang, e.high, d)}` : `de ${num(lang, e.low, d)} à ${num(lang, e.high, d)}`;
  return lang === 'en'
    ? `${num(lang, e.estimate, d, true)}${u}, ${pct95(lang)} interval ${range}`
    : `${num(lang, e.estimate, d, true)}${u}, intervalle à ${pct95(lang)} ${range}`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The sentences for one result. */
export function describeImpact(result: ItsResult, options: MethodTextOptions = {}): MethodText {
  return { en: sentences(result, 'en', options), fr: sentences(result, 'fr', options) };
}

function sentences(r: ItsResult, lang: Lang, options: MethodTextOptions): string[] {
  const en = lang === 'en';
  const p = (period: string) => (options.formatPeriod ? options.formatPeriod(period, lang) : period);
  const unit = options.unit?.[lang] ?? '';
  const w = r.window;
  const out: string[] = [];

  out.push(
    en
      ? `Method${colon(lang)} interrupted time series — a segmented regression of the values on time with a change of level and a change of slope at the start${semi(lang)} the trend before the start, carried forward, is what would have happened without the intervention.`
      : `Méthode${colon(lang)} série temporelle interrompue — une régression segmentée des valeurs sur le temps, avec un changement de niveau et un changement de pente au démarrage${semi(lang)} la tendance d’avant, prolongée, tient lieu de ce qui se serait passé sans l’intervention.`,
  );

  const before = w.beforeTo ? (en ? `${w.before} ${plural(w.before, 'point', 'points')} before (from ${p(w.beforeFrom.period)} to ${p(w.beforeTo.period)})` : `${w.before}${NBSP}${plural(w.before, 'point', 'points')} avant (de ${p(w.beforeFrom.period)} à ${p(w.beforeTo.period)})`) : en ? 'no point before' : 'aucun point avant';
  const after = w.afterFrom ? (en ? `${w.after} after (from ${p(w.afterFrom.period)} to ${p(w.afterTo.period)})` : `${w.after}${NBSP}après (de ${p(w.afterFrom.period)} à ${p(w.afterTo.period)})`) : en ? 'none after' : 'aucun après';
  const ramp = w.rampUp.length === 0
    ? en ? 'no ramp-up period left out' : 'aucune période de montée en charge écartée'
    : en
      ? `${w.rampUp.length} ramp-up ${plural(w.rampUp.length, 'period', 'periods')} left out (${w.rampUp.map(p).join(', ')})`
      : `${w.rampUp.length}${NBSP}${plural(w.rampUp.length, 'période', 'périodes')} de montée en charge ${plural(w.rampUp.length, 'écartée', 'écartées')} (${w.rampUp.map(p).join(', ')})`;
  out.push(en ? `Window${colon(lang)} ${before} and ${after}${semi(lang)} ${ramp}.` : `Fenêtre${colon(lang)} ${before} et ${after}${semi(lang)} ${ramp}.`);

  if (r.model && r.effect && r.levelChange && r.slopeChange && w.afterFrom) {
    const e = r.effect;
    const first = p(w.afterFrom.period);
    const h = num(lang, e.horizon, Number.isInteger(e.horizon) ? 0 : 1);
    const at =
      e.horizonRule === 'start'
        ? en ? `at the start of the after window (${first})` : `au début de la fenêtre après (${first})`
        : e.horizonRule === 'mid'
          ? en ? `at mid-window (${h} periods after ${first}), which is also its average over the window` : `à mi-fenêtre (${h}${NBSP}périodes après ${first}), c’est-à-dire aussi sa moyenne sur la fenêtre`
          : e.horizonRule === 'end'
            ? en ? `at the end of the window (${p(w.afterTo.period)})` : `en fin de fenêtre (${p(w.afterTo.period)})`
            : en ? `${h} periods after ${first}${e.period ? ` (${p(e.period)})` : ''}` : `${h}${NBSP}périodes après ${first}${e.period ? ` (${p(e.period)})` : ''}`;
    const m = r.model;
    const se = m.perfectFit
      ? en ? 'the lines fit every point exactly, so there is no uncertainty to estimate' : 'les droites passent exactement par chaque point, il n’y a donc pas d’incertitude à estimer'
      : en
        ? `Newey–West standard errors robust to autocorrelation, lag ${m.lag}, t with ${m.df} degrees of freedom`
        : `erreurs types de Newey–West robustes à l’autocorrélation, décalage ${m.lag}, t à ${m.df}${NBSP}degrés de liberté`;
    const dl = decimalsFor(r.levelChange.estimate);
    const ds = decimalsFor(r.slopeChange.estimate);
    const u = unit ? `${NBSP}${unit}` : '';
    const perPeriod = `${u} ${en ? 'per period' : 'par période'}`;
    out.push(
      en
        ? `Effect ${at}${colon(lang)} ${withInterval(lang, e, unit)} (${se})${semi(lang)} change of level at the start ${num(lang, r.levelChange.estimate, dl, true, false)}${u}, change of slope ${num(lang, r.slopeChange.estimate, ds, true, false)}${perPeriod}.`
        : `Effet ${at}${colon(lang)} ${withInterval(lang, e, unit)} (${se})${semi(lang)} changement de niveau au démarrage ${num(lang, r.levelChange.estimate, dl, true, false)}${u}, changement de pente ${num(lang, r.slopeChange.estimate, ds, true, false)}${perPeriod}.`,
    );
    if (r.ar1) {
      const rho = num(lang, r.ar1.rho, 2, false, false);
      out.push(
        en
          ? `Second opinion with AR(1) errors (autocorrelation ρ = ${rho}, by REML)${colon(lang)} ${withInterval(lang, r.ar1.effect, unit)}.`
          : `Deuxième avis avec des erreurs AR(1) (autocorrélation ρ = ${rho}, par REML)${colon(lang)} ${withInterval(lang, r.ar1.effect, unit)}.`,
      );
    }
  }

  if (r.preTrend) {
    const t = r.preTrend;
    const d = decimalsFor(t.estimate, t.low, t.high);
    const range = en ? `${pct95(lang)} interval ${num(lang, t.low, d)} to ${num(lang, t.high, d)}` : `intervalle à ${pct95(lang)} de ${num(lang, t.low, d)} à ${num(lang, t.high, d)}`;
    const way = t.estimate > 0 ? (en ? 'rising' : 'en hausse') : en ? 'falling' : 'en baisse';
    const u = unit ? `${NBSP}${unit}` : '';
    out.push(
      t.significant
        ? en
          ? `Trend before the start${colon(lang)} the indicator was already ${way}, by ${num(lang, Math.abs(t.estimate), d, false, false)}${u} per period (${range})${semi(lang)} the model carries that trend forward rather than crediting it to the intervention.`
          : `Tendance avant le démarrage${colon(lang)} l’indicateur était déjà ${way}, de ${num(lang, Math.abs(t.estimate), d, false, false)}${u} par période (${range})${semi(lang)} le modèle prolonge cette tendance au lieu de l’attribuer à l’intervention.`
        : en
          ? `Trend before the start${colon(lang)} no clear trend (slope ${num(lang, t.estimate, d, true, false)}${u} per period, ${range}).`
          : `Tendance avant le démarrage${colon(lang)} pas de tendance nette (pente ${num(lang, t.estimate, d, true, false)}${u} par période, ${range}).`,
    );
  }

  {
    // The placebo check, always reported (also when it could not be run).
    const pl = r.placebo;
    const label = en ? 'Placebo check' : 'Contrôle placebo';
    if (pl.status === 'not_possible') {
      out.push(
        en
          ? `${label}${colon(lang)} not possible — it needs at least ${PLACEBO_MIN_TRIES} earlier pseudo-starts, each with ${MIN_BEFORE} points before it and ${MIN_AFTER} after it, within the ${w.before} points before the start.`
          : `${label}${colon(lang)} impossible — il faut au moins ${PLACEBO_MIN_TRIES}${NBSP}faux démarrages antérieurs, chacun avec ${MIN_BEFORE}${NBSP}points avant et ${MIN_AFTER}${NBSP}après, parmi les ${w.before}${NBSP}points d’avant le démarrage.`,
      );
    } else {
      const found = en
        ? pl.significant === 0 ? 'found no effect' : `found an effect ${pl.significant} ${plural(pl.significant, 'time', 'times')}`
        : pl.significant === 0 ? 'n’a trouvé aucun effet' : `a trouvé un effet ${pl.significant}${NBSP}fois`;
      const verdict = pl.status === 'passed' ? (en ? 'passed' : 'réussi') : en ? 'failed' : 'échoué';
      out.push(
        en
          ? `${label}${colon(lang)} the same model at ${pl.tried} earlier pseudo-starts, on the data before the start only, ${found} (at most ${pl.allowed} allowed)${colon(lang)} ${verdict}.`
          : `${label}${colon(lang)} le même modèle, à ${pl.tried}${NBSP}faux démarrages antérieurs et sur les seules données d’avant le démarrage, ${found} (au plus ${pl.allowed} ${plural(pl.allowed, 'admise', 'admises')})${colon(lang)} ${verdict}.`,
      );
    }
  }

  if (r.welch) {
    const wl = r.welch;
    const d = decimalsFor(wl.diff, wl.low, wl.high);
    out.push(
      en
        ? `For comparison, the plain difference of the means after and before (Welch) is ${num(lang, wl.diff, d, true)}, ${pct95(lang)} interval ${num(lang, wl.low, d)} to ${num(lang, wl.high, d)}${semi(lang)} it takes no account of the trend or of autocorrelation.`
        : `Pour comparaison, la simple différence des moyennes après et avant (Welch) est de ${num(lang, wl.diff, d, true)}, intervalle à ${pct95(lang)} de ${num(lang, wl.low, d)} à ${num(lang, wl.high, d)}${semi(lang)} elle ne tient compte ni de la tendance ni de l’autocorrélation.`,
    );
  }

  out.push(verdictSentence(r, lang));
  return out;
}

function verdictSentence(r: ItsResult, lang: Lang): string {
  const en = lang === 'en';
  const label = en ? 'Verdict' : 'Verdict';
  if (r.verdict !== 'no_clear_effect') {
    const word = r.verdict === 'improved' ? (en ? 'improved' : 'amélioré') : en ? 'worsened' : 'dégradé';
    const why = en
      ? 'the effect’s interval excludes zero with both kinds of standard error, the placebo check passed and there were enough points'
      : 'l’intervalle de l’effet exclut zéro avec les deux calculs d’erreur type, le contrôle placebo a réussi et les points étaient assez nombreux';
    return `${label}${colon(lang)} ${quote(lang, word)} — ${why}.`;
  }
  const reasons = r.reasons.map((code) => reasonWords(r, code, lang));
  const joined = reasons.join(en ? '; also, ' : `${NNBSP}; de plus, `);
  return `${label}${colon(lang)} ${quote(lang, en ? 'no clear effect' : 'pas d’effet net')} — ${joined}.`;
}

/** One reason in words, with the numbers behind it. */
export function reasonWords(r: ItsResult, code: ItsReason, lang: Lang): string {
  const en = lang === 'en';
  const w = r.window;
  switch (code) {
    case 'not_enough_data':
      return en
        ? `there are ${w.before} points before the start and ${w.after} after the ramp-up, and at least ${r.needed.before} before and ${r.needed.after} after are needed`
        : `il y a ${w.before}${NBSP}points avant le démarrage et ${w.after}${NBSP}après la montée en charge, et il en faut au moins ${r.needed.before} avant et ${r.needed.after} après`;
    case 'interval_includes_zero': {
      const e = r.effect!;
      const range = (x: { low: number; high: number }) => {
        const d = decimalsFor(x.low, x.high);
        return en ? `${num(lang, x.low, d)} to ${num(lang, x.high, d)}` : `${num(lang, x.low, d)} à ${num(lang, x.high, d)}`;
      };
      if (e.low > 0 || e.high < 0) {
        return en
          ? `the Newey–West interval (${range(e)}) excludes zero but the AR(1) one (${range(r.ar1!.effect)}) does not: the change cannot be told from autocorrelated drift`
          : `l’intervalle de Newey–West (${range(e)}) exclut zéro mais pas celui du modèle AR(1) (${range(r.ar1!.effect)})${NBSP}: le changement ne se distingue pas d’une dérive autocorrélée`;
      }
      return en ? `the ${pct95(lang)} interval of the effect (${range(e)}) includes zero` : `l’intervalle à ${pct95(lang)} de l’effet (${range(e)}) contient zéro`;
    }
    case 'autocorrelation_too_strong':
      return en
        ? 'the values wander like a random walk (the AR(1) fit puts their autocorrelation at 1), so no interval can be trusted'
        : 'les valeurs errent comme une marche aléatoire (le modèle AR(1) met leur autocorrélation à 1), aucun intervalle n’est donc fiable';
    case 'placebo_failed': {
      const pl = r.placebo;
      return en
        ? `the same model finds effects at too many earlier dates where nothing happened (${pl.significant} of ${pl.tried}, at most ${pl.allowed} allowed)`
        : `le même modèle trouve des effets à trop de dates antérieures où rien ne s’est passé (${pl.significant} sur ${pl.tried}, au plus ${pl.allowed} ${plural(pl.allowed, 'admise', 'admises')})`;
    }
    case 'placebo_not_possible':
      return en
        ? `there are too few points before the start for the placebo check (${w.before}; it needs at least ${MIN_BEFORE + MIN_AFTER + PLACEBO_MIN_TRIES - 1} plus the ramp-up)`
        : `il y a trop peu de points avant le démarrage pour le contrôle placebo (${w.before}${NNBSP}; il en faut au moins ${MIN_BEFORE + MIN_AFTER + PLACEBO_MIN_TRIES - 1}, plus la montée en charge)`;
  }
}
