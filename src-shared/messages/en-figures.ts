// Messages of the figures a finance reviewer checks — ROI, benefit models, impact, RAG status, gap
// cost — in English: their refusals and "How is this computed?" sentences. Spread into en.ts;
// fr-figures.ts has the same keys. Placeholders as in en.ts, plus {{name:money}} (a moneyParam).

export const enFigures = {
  // ------------------------------------------------------------------ amounts
  'common.whole_number': 'Must be a whole number',
  'common.fractional_cents': 'Amounts are whole cents: {{value}} cents has a fraction of a cent (at most 2 decimals in the currency)',
  'common.end_not_after_start': 'The end must come after the start',

  // ------------------------------------------------------------------ benefit models
  'benefit.required.financingRatePct':
    'The financing rate is required for cash released: the cash itself is balance sheet, only the financing it saves is a benefit',
  'benefit.end_not_after_start': 'The end must come after the start (the end is the first day the benefit no longer counts)',
  'benefit.before_intervention': 'A benefit cannot start before its intervention (which starts on {{start:date}})',
  'derive.source': 'Derive from a measured impact or from a closed gap',
  'derive.positive': 'Must be more than 0',
  'derive.no_improvement':
    'No benefit to derive: the impact on "{{name}}" is "{{verdict@impactVerdict}}", not a measured improvement',
  'derive.not_enough_data': 'No benefit to derive: not enough measurements of "{{name}}" to measure an impact',
  'derive.indicator_not_linked': 'The indicator "{{name}}" is not linked to this intervention',
  'derive.needs.hoursPerUnit': 'Say how many hours a month one {{unit}} of improvement releases',
  'derive.needs.amountPerUnitCents': 'Say how much a month one {{unit}} of improvement avoids',
  'derive.needs.annualRevenueCents': 'The annual revenue is required to turn days into cash',
  'derive.needs.financingRatePct': 'The financing rate is required: only the financing saved on the cash is a benefit',
  'derive.not_days': 'Cash released comes from an improvement in days (DSO, days of inventory); "{{name}}" is in {{unit}}',
  'derive.gap_not_closed': 'The gap "{{title}}" is not closed: only a closed loop has a cost that is no longer paid',
  'derive.gap_not_linked': 'The gap "{{title}}" is not closed by this intervention',
  'derive.gap_no_rate': 'The department has no loaded hourly rate: the gap has no cost to derive',
  'impactVerdict.improved': 'improved',
  'impactVerdict.worsened': 'worsened',
  'impactVerdict.no_clear_effect': 'no clear effect',
  'impactVerdict.not_enough_data': 'not enough data',

  // ------------------------------------------------------------------ interventions: ramp-up, currency
  'intervention.fx_rate_positive': 'The conversion rate must be more than 0',
  'intervention.currency_needs_rate':
    'The department works in {{department}}: an intervention priced in {{currency}} needs the rate to convert it (1 {{currency}} = ? {{department}})',

  // ------------------------------------------------------------------ ROI
  'roi.not_exact':
    'The amounts of "{{title}}" go beyond {{max:money}}: past that, day-by-day sums can no longer be exact to the cent. Check its costs and benefit models',
  'roi.currency_without_rate':
    '"{{title}}" is priced in {{currency}} and the department works in {{department}}: enter the conversion rate on the intervention',
  'roi.formula.time_released': '{{hours}} h/month × {{rate:money}}/h × {{realisation}}%',
  'roi.formula.time_released_no_rate': '{{hours}} h/month × (no hourly rate: counted as 0) × {{realisation}}%',
  'roi.formula.per_month': '{{amount:money}} a month',
  'roi.formula.per_quarter': '{{amount:money}} a quarter ÷ 3 a month',
  'roi.formula.per_year': '{{amount:money}} a year ÷ 12 a month',
  'roi.formula.one_off': '{{amount:money}} once, on {{date:date}}',
  'roi.formula.cash_released':
    '{{revenue:money}} ÷ 365 × {{days}} days = {{cash:money}} of cash (balance sheet); P&L: financing saved at {{rate}}% a year',
  'roi.formula.cash_no_rate': '{{revenue:money}} ÷ 365 × {{days}} days = {{cash:money}} of cash (balance sheet); no financing rate: no P&L effect',
  'roi.method.window': 'Period {{from:date}} to {{to:date}} (both included): {{months}} calendar {{months|month|months}} counted.',
  'roi.method.incomplete': '{{count}} {{count|month has|months have}} not ended yet: {{count|its|their}} figures are what the models expect, not what was lived.',
  'roi.method.department': 'The sum of {{count}} {{count|intervention|interventions}}, each in {{currency}}: the rows add up to the totals to the cent.',
  'roi.method.headline':
    'ROI = (hard benefit − cost) ÷ cost. Hard benefit shows in the P&L; soft benefit (capacity, goodwill) is shown beside it and only added in the figure named "with soft".',
  'roi.method.days':
    'Costs and benefits accrue day by day, from the start date up to the day before the end date: a monthly amount counts in proportion to the days of each month.',
  'roi.method.life':
    'A benefit counts only within its intervention\'s life: never before its start, and after its end only for the months its model says it lasts.',
  'roi.method.spread_life':
    'The one-off cost ({{total:money}}) is spread evenly over the intervention\'s life, {{from:date}} to {{to:date}} ({{days}} days): {{inWindow:money}} falls in the period. The lifetime ROI counts it whole, at the start.',
  'roi.method.spread_default':
    'The one-off cost ({{total:money}}) is spread evenly over 36 months from the start, as the intervention has no end date ({{from:date}} to {{to:date}}, {{days}} days): {{inWindow:money}} falls in the period. The lifetime ROI counts it whole, at the start.',
  'roi.method.spread_rule':
    'Each one-off cost is spread evenly over its intervention\'s life (36 months from its start when it has no end date) and the period carries its share.',
  'roi.method.cash':
    'Cash released ({{cash:money}}) is working capital, on the balance sheet: it is not a benefit. Its P&L effect is the financing it saves (cash × the financing rate), in the hard benefit.',
  'roi.method.lifetime':
    'Lifetime: from the start ({{from:date}}) to {{to:date}}, at most to the end of the last complete month, with the whole one-off cost at the start. Payback is the month in which cumulative hard benefit reaches cumulative cost.',
  'roi.method.not_started': 'The intervention starts on {{from:date}}: nothing has been lived yet, so its lifetime figures are zero.',
  'roi.method.fx': 'Priced in {{currency}}, converted to {{department}} at 1 {{currency}} = {{rate}} {{department}}, the rate entered on the intervention.',
  'roi.method.skipped': '{{count}} {{count|intervention is|interventions are}} left out (no start date, or another currency without a rate).',
  'roi.method.no_cost': 'No cost: an ROI is not a number, so none is given.',
  'roi.method.rounding':
    'Amounts are computed unrounded and rounded to the cent on running totals, so the months add up to the totals exactly.',
  'roi.method.uncertainty':
    'No statistical uncertainty: the figures are the arithmetic of the benefit models; each states its own assumptions (hours, rates, realisation).',
  'roi.method.uncertainty_derived':
    '{{count}} {{count|model was|models were}} derived from measured data: {{count|its|their}} figures carry the uncertainty of the measured effect shown with {{count|it|them}}.',

  // ------------------------------------------------------------------ RAG status
  'ragStatus.green': 'on target',
  'ragStatus.amber': 'within tolerance',
  'ragStatus.red': 'off target',
  'ragStatus.no_data': 'no data',
  'ragStatus.no_target': 'no target',
  'rag.method.median':
    'Judged on the median of the last {{count}} {{count|point|points}} ({{from:date}} to {{to:date}}): {{median}}{{unit}}. One noisy point does not change the colour.',
  'rag.method.phase':
    'Judged on the median of the last {{count}} {{count|point|points}} of the current process-behaviour phase, which began on {{since:date}} ({{from:date}} to {{to:date}}): {{median}}{{unit}}. One noisy point does not change the colour.',
  'rag.method.band_higher':
    'Higher is better: green at or above the target ({{target}}{{unit}}), amber down to {{low}}{{unit}} (the target less {{tolerance}}%), red below.',
  'rag.method.band_lower':
    'Lower is better: green at or below the target ({{target}}{{unit}}), amber up to {{high}}{{unit}} (the target plus {{tolerance}}%), red above.',
  'rag.method.no_target': 'The indicator has no target: no colour is given.',
  'rag.method.no_data': 'No measurement on or before {{asOf:date}}.',
  'rag.method.watch':
    'Watch: the latest point ({{value}}{{unit}}, {{period:date}}) alone would be {{status@ragStatus}}, while the median is {{judged@ragStatus}}; the next points will confirm it or not.',
  'rag.method.uncertainty': 'No interval: the status compares the median with the target and its tolerance band.',

  // ------------------------------------------------------------------ impact
  'impact.method.ramp_up_kind':
    'Ramp-up: the {{months}} {{months|month|months}} after the start are left out while the intervention settles in — the default for its kind (an intervention can set its own length).',
  'impact.method.ramp_up_own': 'Ramp-up: the {{months}} {{months|month|months}} after the start are left out while the intervention settles in, as set on the intervention.',
  'impact.method.ramp_up_none': 'No ramp-up is left out: the first period after the start counts as "after".',
  'impact.method.from_previous': 'The "before" window starts after "{{title}}" ended on {{date:date}}: its period is not this intervention\'s baseline.',
  'impact.method.missing_before': 'A period without a value ({{period:date}}) bounds the "before" window: the model needs one value per period.',
  'impact.method.cut_end': 'The "after" window stops at the intervention\'s end ({{date:date}}).',
  'impact.method.cut_next':
    'The "after" window stops when "{{title}}" starts on the same indicator ({{date:date}}): what follows is not this intervention\'s alone.',
  'impact.method.missing_after': 'A period without a value ({{period:date}}) bounds the "after" window: the model needs one value per period.',
  'impact.method.xmr_shift':
    'Process-behaviour chart by phase: a sustained shift after the start moved the centre line from {{before}} to {{after}}{{unit}} (difference {{difference}}).',
  'impact.method.xmr_none': 'Process-behaviour chart by phase: no sustained shift after the start (no new phase).',
  'impact.method.overlap':
    'Verdict: "no clear effect" — not separately attributable: {{titles}} was already running on this indicator when this intervention started on {{start:date}}, and no series can tell their effects apart.',
  'impact.method.nothing_after': 'Verdict: "no clear effect" — there is no measurement after the start ({{start:date}}) and its ramp-up yet.',
  'impact.method.uncertainty':
    'Effect {{estimate}}{{unit}}, 95% interval {{low}} to {{high}} (Newey–West standard errors, robust to autocorrelation, lag {{lag}}).',
  'impact.method.uncertainty_ar1':
    'Effect {{estimate}}{{unit}}, 95% interval {{low}} to {{high}} (Newey–West, robust to autocorrelation, lag {{lag}}); with AR(1) errors {{arLow}} to {{arHigh}}. The verdict needs both to exclude zero on the same side, and the placebo check to pass.',
  'impact.method.uncertainty_none': 'No interval: there are not enough points to fit the model.',
  'impact.method.uncertainty_overlap': 'No interval: the change cannot be attributed to this intervention alone.',

  // ------------------------------------------------------------------ XmR chart
  'xmrTrigger.baseline': 'baseline',
  'xmrTrigger.run_of_8': '8 points in a row on one side of the centre line',
  'xmrTrigger.three_of_four': '3 of 4 points beyond the half-way line',
  'xmr.method.not_enough': 'Not enough points for limits: {{have}}, at least {{needed}} are needed.',
  'xmr.method.basis_before_intervention':
    'Limits from the {{n}} points before the first linked intervention ({{from:date}} to {{to:date}}); the points after are judged against them.',
  'xmr.method.basis_all': 'Limits from all {{n}} points ({{from:date}} to {{to:date}}): no linked intervention has enough points before it.',
  'xmr.method.basis_chosen': 'Limits from the {{n}} points chosen ({{from:date}} to {{to:date}}).',
  'xmr.method.limits':
    'Natural process limits: centre {{centre}}{{unit}} ± 2.66 × the average moving range {{mrBar}} = {{lnpl}} to {{unpl}}{{unit}}; moving ranges above {{url}} (3.268 × the average) are flagged.',
  'xmr.method.phases':
    '{{count}} {{count|phase|phases}}: a new phase starts only where a shift is sustained (8 points in a row on one side of the centre line, or 3 of 4 beyond the half-way line), with limits from its own points; one point beyond the limits is a signal, not a new phase.',
  'xmr.method.phase':
    'Phase {{number}} from {{from:date}} ({{trigger@xmrTrigger}}): centre {{centre}}{{unit}}, limits {{lnpl}} to {{unpl}}{{unit}}.',
  'xmr.method.effect': 'Effect: the centre line of the first phase after the intervention minus the baseline\'s = {{difference}}{{unit}}.',
  'xmr.method.ranges':
    '{{count}} moving {{count|range is|ranges are}} above the upper range limit: a jump between two points larger than routine variation.',
  'xmr.method.uncertainty':
    'Limits, not an interval: points inside them are routine variation, about 3 sigma on each side (sigma = average moving range ÷ 1.128 = {{sigma}}{{unit}}).',

  // ------------------------------------------------------------------ gaps: cost and closing
  'gap.frequency_indicator_not_linked': 'Link "{{name}}" to this gap first: its cost can follow only an indicator that measures it',
  'impactReason.not_enough_data': 'not enough points before and after',
  'impactReason.interval_includes_zero': 'the 95% interval of the effect includes zero',
  'impactReason.autocorrelation_too_strong': 'the values wander too much for any interval to be trusted',
  'impactReason.placebo_failed': 'the same model finds effects at earlier dates where nothing happened',
  'impactReason.placebo_not_possible': 'too few points before the start for the placebo check',
  'impactReason.not_separately_attributable': 'another intervention was running on the indicator at the same time',
  'evidence.not_proven':
    'No measured improvement of "{{name}}" by "{{title}}": the Impact tab\'s verdict is "{{verdict@impactVerdict}}" ({{reason@impactReason}})',
  'evidence.worsened': 'No measured improvement of "{{name}}" by "{{title}}": the Impact tab\'s verdict is "worsened"',
  'evidence.started_before_found':
    '"{{title}}" started on {{start:date}}, before this gap was found ({{found:date}}): its effect proves this gap closed only if you write why (at least {{min}} characters)',
} as const;
