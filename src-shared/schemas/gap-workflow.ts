import { z } from 'zod';
import { msg } from '../messages';
import { INTERVENTION_KINDS, PLATFORMS, type InterventionStatus } from '../domain';
import { id, isoDate, name, paging, type Stamped } from './common';
import { GAP_SORTS, SORT_DIRS, gapFilters, type Gap, type GapFilters, type GapSort, type SortDir } from './gaps';

// Issue 4: the loop from "found" to "closed with proof". Inputs are zod schemas the core validates;
// outputs are plain DTO types. The rules themselves live in the core (src-main/services/gap-workflow).

// ---------------------------------------------------------------------------------------------
// Intervention workflow

/**
 * The status workflow of an intervention: which status may follow which through interventions.update.
 * An idea is planned or dropped; a plan starts, goes back to the ideas, or is dropped; a running
 * intervention ends done or stopped. done and stopped are final for interventions.update: running it
 * again is an explicit interventions.restart (so a slip of the status menu cannot reopen a finished one).
 * Creating an intervention may use any status (it records one that already exists).
 */
export const INTERVENTION_TRANSITIONS: Readonly<Record<InterventionStatus, readonly InterventionStatus[]>> = {
  idea: ['planned', 'stopped'],
  planned: ['running', 'idea', 'stopped'],
  running: ['done', 'stopped'],
  done: [],
  stopped: [],
};
/** The statuses interventions.restart brings back to running. */
export const RESTARTABLE_STATUSES: readonly InterventionStatus[] = ['done', 'stopped'];

export const interventionRestart = z.object({ id }).strict();

// ---------------------------------------------------------------------------------------------
// Register: prioritisation

export const gapPriorities = z
  .object({
    ...paging,
    departmentId: id.optional(),
    processId: id.optional(),
  })
  .strict();
export type GapPrioritiesInput = z.input<typeof gapPriorities>;

/**
 * One row of the prioritisation view. The rank is: estimated monthly cost, highest first (gaps whose
 * department has no loaded rate have no cost and come after every costed gap), then severity highest
 * first, then the oldest found first. The inputs of the rank are returned so the view can show why.
 */
export interface GapPriority {
  /** 1-based, over the whole ranking (not just the page). */
  rank: number;
  monthlyCostCents: number | null;
  severity: number;
  frequencyPerMonth: number;
  hoursLostPerOccurrence: number;
  loadedHourlyRateCents: number | null;
  foundOn: string;
  gap: Gap;
}

export interface GapPriorityPage {
  items: GapPriority[];
  total: number;
  limit: number;
  offset: number;
  /** Stable code of the ranking rule, for the view's explanation text. */
  rule: 'cost_desc_severity_desc_found_asc';
}

// ---------------------------------------------------------------------------------------------
// Closing with proof

export const JUSTIFICATION_MIN = 20;

const note = z.string().trim().max(2000, msg('common.max_chars', { max: 2000 })).nullable().optional();

export const closureEvidenceInput = z.discriminatedUnion(
  'kind',
  [
    /** A linked indicator (to the gap, or to an intervention linked to it) whose latest value meets its target. */
    z.object({ kind: z.literal('indicator_target'), indicatorId: id, note }).strict(),
    /** The indicator's mean after the intervention's start is better than before (≥ 3 values on each side). */
    z.object({ kind: z.literal('measured_improvement'), indicatorId: id, interventionId: id, note }).strict(),
    /** No indicator proves it: a written justification, kept and shown with the gap. */
    z
      .object({
        kind: z.literal('override'),
        justification: z
          .string(msg('closing.justification_required'))
          .trim()
          .min(JUSTIFICATION_MIN, msg('closing.justification_min', { min: JUSTIFICATION_MIN }))
          .max(5000, msg('common.max_chars', { max: 5000 })),
      })
      .strict(),
  ],
  msg('closing.choose_evidence'),
);

export const gapClose = z
  .object({
    id,
    /** Optional in the schema so that a missing proof gets its own message from the core. */
    evidence: closureEvidenceInput.optional(),
    /** Default: today. */
    closedOn: isoDate.optional(),
  })
  .strict();

export const gapReopen = z
  .object({
    id,
    reason: z
      .string(msg('reopen.reason_required'))
      .trim()
      .min(5, msg('reopen.reason_min', { min: 5 }))
      .max(2000, msg('common.max_chars', { max: 2000 })),
  })
  .strict();

export type GapCloseInput = z.input<typeof gapClose>;
export type GapReopenInput = z.input<typeof gapReopen>;

/** One closing or reopening of a gap, from the change log (gaps.closings), oldest first. */
export interface GapClosingEvent {
  action: 'closed' | 'reopened';
  /** When it was recorded (from the change log's clock), ISO date-time. */
  at: string;
  nodeId: string;
  local: boolean;
  txId: string;
  /** For a closing. */
  closedOn: string | null;
  closureKind: Gap['closureKind'];
  closureEvidence: Gap['closureEvidence'];
  closureNote: string | null;
  /** For a reopening. */
  reopenedOn: string | null;
  reopenReason: string | null;
}

// ---------------------------------------------------------------------------------------------
// Saved views

export const SAVED_VIEW_ENTITIES = ['gaps'] as const;

export const savedViewCreate = z
  .object({
    name: name(120),
    entity: z.enum(SAVED_VIEW_ENTITIES, msg('views.entity')).default('gaps'),
    /** The department the view belongs to (it syncs with it); default: filters.departmentId. */
    departmentId: id.optional(),
    filters: gapFilters.default({}),
    sortBy: z.enum(GAP_SORTS, msg('common.unknown_sort')).default('foundOn'),
    sortDir: z.enum(SORT_DIRS, msg('common.sort_dir')).default('desc'),
  })
  .strict();

/** Rename a view, or save the register's current filters and sort into it. */
export const savedViewUpdate = z
  .object({
    id,
    name: name(120).optional(),
    filters: gapFilters.optional(),
    sortBy: z.enum(GAP_SORTS, msg('common.unknown_sort')).optional(),
    sortDir: z.enum(SORT_DIRS, msg('common.sort_dir')).optional(),
  })
  .strict();

export const savedViewList = z
  .object({
    entity: z.enum(SAVED_VIEW_ENTITIES).optional(),
    departmentId: id.optional(),
  })
  .strict();

export type SavedViewCreate = z.input<typeof savedViewCreate>;
export type SavedViewUpdate = z.input<typeof savedViewUpdate>;

export interface SavedView extends Stamped {
  departmentId: string;
  name: string;
  entity: (typeof SAVED_VIEW_ENTITIES)[number];
  /** Pass as they are to gaps.list, with sortBy and sortDir. */
  filters: GapFilters;
  sortBy: GapSort;
  sortDir: SortDir;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: kinds and platforms of interventions

export const VOCABULARY_KINDS = ['intervention_kind', 'platform'] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

export interface LocalLabel {
  en: string;
  fr: string;
}

/** Labels of the built-in kinds of DOMAIN.md, in both languages of the app. */
export const BUILTIN_KIND_LABELS: Readonly<Record<(typeof INTERVENTION_KINDS)[number], LocalLabel>> = {
  community_of_practice: { en: 'Community of practice', fr: 'Communauté de pratique' },
  qa_forum: { en: 'Q&A forum', fr: 'Forum questions-réponses' },
  expert_directory: { en: 'Expert directory / locator', fr: "Annuaire d'experts" },
  social_layer: { en: 'Social layer in a business application', fr: 'Couche sociale dans une application métier' },
  shared_workspace: { en: 'Shared workspace or wiki', fr: 'Espace partagé ou wiki' },
  idea_challenge: { en: 'Idea challenge (crowdsourcing)', fr: "Challenge d'idées (crowdsourcing)" },
  mentoring: { en: 'Mentoring or peer network', fr: 'Mentorat ou réseau de pairs' },
  working_out_loud: { en: 'Working out loud', fr: 'Working out loud (travailler à voix haute)' },
  social_workflow: { en: 'Social workflow (notifications, @mentions)', fr: 'Workflow social (notifications, @mentions)' },
};

/** Platforms are product names; only "Other" needs a translation. */
export const BUILTIN_PLATFORM_LABELS: Readonly<Record<(typeof PLATFORMS)[number], LocalLabel>> = Object.fromEntries(
  PLATFORMS.map((p) => [p, p === 'Other' ? { en: 'Other', fr: 'Autre' } : { en: p, fr: p }]),
) as Record<(typeof PLATFORMS)[number], LocalLabel>;

const vocabularyCode = z
  .string()
  .trim()
  .min(1, msg('common.required'))
  .max(80, msg('common.max_chars', { max: 80 }))
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._&+-]*$/u, msg('vocabulary.code_chars'));

export const vocabularyAdd = z
  .object({
    departmentId: id,
    kind: z.enum(VOCABULARY_KINDS, msg('vocabulary.kind')),
    label: name(120),
    /** What interventions store. Default: for a kind, the label as snake_case; for a platform, the label. */
    code: vocabularyCode.optional(),
  })
  .strict();

export const vocabularyList = z
  .object({
    kind: z.enum(VOCABULARY_KINDS).optional(),
    /** User entries of this department only (built-ins are always listed); default: every department's. */
    departmentId: id.optional(),
  })
  .strict();

export const vocabularyRemove = z.object({ id }).strict();

export type VocabularyAddInput = z.input<typeof vocabularyAdd>;

export interface VocabularyEntry {
  /** null for a built-in entry (it cannot be removed). */
  id: string | null;
  kind: VocabularyKind;
  code: string;
  /** Built-ins have both languages; a user entry shows its own text in both. */
  label: LocalLabel;
  builtIn: boolean;
  /** null for a built-in entry (it belongs to every department). */
  departmentId: string | null;
}

// ---------------------------------------------------------------------------------------------
// History

export const HISTORY_ENTITIES = ['gaps', 'interventions', 'processes', 'indicators', 'steps'] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

export const historyList = z
  .object({
    entity: z.enum(HISTORY_ENTITIES, msg('history.entity')),
    id,
    /** Newest transactions first; how many to return. */
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type HistoryListInput = z.input<typeof historyList>;

/** One field that changed: its value before (from the previous log entry of that field) and after. */
export interface HistoryFieldChange {
  kind: 'field';
  /** The DTO field name (camelCase), e.g. `severity`, `status`, `departmentId`. */
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/** A link of the entity added or removed (e.g. an intervention linked to a gap). */
export interface HistoryLinkChange {
  kind: 'link_added' | 'link_removed';
  /** The link table, e.g. `gap_interventions`, `indicator_links`. */
  link: string;
  linkId: string;
  /** What is at the other end of the link; title null when it no longer exists. */
  target: { entity: 'gaps' | 'interventions' | 'indicators'; id: string; title: string | null };
}

/** One transaction of the write path that touched the entity (or its links). */
export interface HistoryEntry {
  txId: string;
  /** ISO date-time, from the hybrid logical clock. */
  at: string;
  hlc: string;
  /** The machine that made the change. */
  nodeId: string;
  /** True when that machine is this one. */
  local: boolean;
  /** created: the entity's first entry; deleted / restored: its tombstone set / cleared. */
  action: 'created' | 'changed' | 'deleted' | 'restored' | 'links';
  changes: (HistoryFieldChange | HistoryLinkChange)[];
}

export interface HistoryPage {
  entity: HistoryEntity;
  id: string;
  /** Newest first. */
  entries: HistoryEntry[];
  /** Transactions in all (entries may be fewer when limited). */
  total: number;
  localNodeId: string;
}

// ---------------------------------------------------------------------------------------------
// Search

export const SEARCH_ENTITIES = ['processes', 'steps', 'gaps', 'interventions', 'indicators'] as const;
export type SearchEntity = (typeof SEARCH_ENTITIES)[number];

export const searchQuery = z
  .object({
    text: z.string(msg('search.text_required')).max(200, msg('common.max_chars', { max: 200 })),
    limit: z.number().int().min(1).max(100).default(20),
    entities: z.array(z.enum(SEARCH_ENTITIES, msg('search.unknown_entity'))).min(1).max(SEARCH_ENTITIES.length).optional(),
  })
  .strict();
export type SearchQueryInput = z.input<typeof searchQuery>;

export interface SearchHit {
  entity: SearchEntity;
  id: string;
  title: string;
  /** Text around the matches; `hit` parts are the matched words (no HTML: render as text). */
  snippet: { text: string; hit: boolean }[];
  /** bm25 score: lower is a better match (results are sorted by it). */
  score: number;
  /** For navigation. */
  departmentId: string;
  departmentName: string | null;
  processId: string | null;
  processName: string | null;
  stepId: string | null;
}

export interface SearchResult {
  /** The FTS5 query that ran (each word quoted, the last as a prefix); null when nothing searchable was typed. */
  query: string | null;
  hits: SearchHit[];
}
