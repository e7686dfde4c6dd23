import type { ReportLanguage, ReportScope, ReportSection, SectionKind } from './schemas';
import type { ReportPeriod } from './period';

// The ready templates: a user starts from one of these rather than a blank page, runs it as it is
// (`boucle report --template monthly-review`) or saves a copy in a department and adapts it.

export interface BuiltinTemplate {
  key: string;
  name: Record<ReportLanguage, string>;
  description: Record<ReportLanguage, string>;
  sections: ReportSection[];
  scope: ReportScope;
  period: ReportPeriod;
  /** The case study needs an intervention chosen when it is run. */
  needsIntervention: boolean;
}

const s = (...kinds: SectionKind[]): ReportSection[] => kinds.map((kind) => ({ kind, title: null }));

export const BUILTIN_TEMPLATES: BuiltinTemplate[] = [
  {
    key: 'monthly-review',
    name: { en: 'Monthly department review', fr: 'Revue mensuelle de direction' },
    description: {
      en: 'Last 12 months of one department: headline figures, process maps, open gaps, interventions, one page per indicator, ROI, missing updates and methods.',
      fr: 'Les 12 derniers mois d’une direction : chiffres clés, cartes des processus, lacunes ouvertes, interventions, une page par indicateur, ROI, mises à jour manquantes et méthodes.',
    },
    sections: s('cover', 'executive_summary', 'process_maps', 'gap_register', 'interventions', 'indicators', 'roi', 'missing_updates', 'methods'),
    scope: { kind: 'own' },
    period: { kind: 'relative', relative: 'last_12_months' },
    needsIntervention: false,
  },
  {
    key: 'quarterly-cross-department',
    name: { en: 'Quarterly cross-department review', fr: 'Revue trimestrielle inter-directions' },
    description: {
      en: 'Last quarter across every department: headline figures, departments side by side, the playbook of what closed which gaps, interventions, ROI and methods.',
      fr: 'Le dernier trimestre, toutes directions : chiffres clés, directions côte à côte, le répertoire de ce qui a fermé quelles lacunes, interventions, ROI et méthodes.',
    },
    sections: s('cover', 'executive_summary', 'cross_department', 'interventions', 'roi', 'missing_updates', 'methods'),
    scope: { kind: 'all' },
    period: { kind: 'relative', relative: 'last_quarter' },
    needsIntervention: false,
  },
  {
    key: 'case-study',
    name: { en: 'One-intervention case study', fr: 'Étude de cas d’une intervention' },
    description: {
      en: 'One intervention from gap to proof: the gaps it closes, its indicators with their measured impact, its ROI, and the methods.',
      fr: 'Une intervention, de la lacune à la preuve : les lacunes qu’elle ferme, ses indicateurs et leur impact mesuré, son ROI, et les méthodes.',
    },
    sections: s('cover', 'executive_summary', 'interventions', 'indicators', 'roi', 'methods'),
    scope: { kind: 'own' },
    period: { kind: 'relative', relative: 'last_12_months' },
    needsIntervention: true,
  },
];
