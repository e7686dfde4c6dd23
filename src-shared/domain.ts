// Domain vocabularies of DOMAIN.md. Stable string codes: the UI translates them, the database stores them.

export const GAP_TYPES = [
  'information',
  'expertise',
  'coordination',
  'feedback',
  'decision',
  'knowledge_loss',
  'innovation',
] as const;
export type GapType = (typeof GAP_TYPES)[number];

export const GAP_STATUSES = ['open', 'addressing', 'closed', 'dismissed'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

export const INTERVENTION_KINDS = [
  'community_of_practice',
  'qa_forum',
  'expert_directory',
  'social_layer',
  'shared_workspace',
  'idea_challenge',
  'mentoring',
  'working_out_loud',
  'social_workflow',
] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

export const PLATFORMS = [
  'Teams',
  'Viva Engage',
  'Slack',
  'SharePoint',
  'Jive',
  'Confluence',
  'ERP',
  'Other',
] as const;

export const INTERVENTION_STATUSES = ['idea', 'planned', 'running', 'done', 'stopped'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_CATEGORIES = ['outcome', 'adoption', 'financial'] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

export const INDICATOR_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number];

/** How the values of finer rows make one value of the indicator's period (an import's roll-up). */
export const INDICATOR_AGGREGATIONS = ['mean', 'sum', 'last', 'min', 'max'] as const;
export type IndicatorAggregation = (typeof INDICATOR_AGGREGATIONS)[number];

export const INDICATOR_SOURCES = ['bi', 'erp', 'survey', 'manual', 'other'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const PROCESS_SOURCES = ['manual', 'template', 'bpmn'] as const;

export const SYSTEMS = ['ERP', 'ECM', 'BI', 'CRM', 'HRIS', 'e-mail', 'spreadsheet', 'paper', 'other'] as const;

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'JPY'] as const;
export type Currency = (typeof CURRENCIES)[number];
