import { useEffect, useState } from 'react';
import { Badge, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SEARCH_ENTITIES } from '@shared/search/entities';
import type { SearchHit } from '@shared/search/schemas';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { snippetRepeatsTitle, titleParts } from './snippet';
import type { Page } from '../../stores/route-slice';

// One search box across processes, steps, gaps, interventions and indicators (the core's FTS5
// index: accent-insensitive, last word as a prefix). Opened with Ctrl/Cmd+K anywhere, even from a
// text field, and from the header button.
export const [searchStore, searchBox] = createSpotlight();

/** Where a hit leads: its own page, or for a step the process it belongs to. */
export function hitRoute(hit: SearchHit): [Page, string] {
  switch (hit.entity) {
    case 'processes':
      return ['processes', hit.id];
    case 'steps':
      return ['processes', hit.processId ?? hit.id];
    default:
      return [hit.entity, hit.id];
  }
}

function Snippet({ hit, asTitle = false }: { hit: SearchHit; asTitle?: boolean }) {
  const parts = asTitle ? titleParts(hit) : hit.snippet;
  return (
    <Text size={asTitle ? 'sm' : 'xs'} fw={asTitle ? 600 : undefined} lineClamp={2} style={asTitle ? undefined : { opacity: 0.8 }}
      data-testid={asTitle ? 'search-hit-title' : 'search-hit-snippet'}>
      {parts.map((p, i) =>
        p.hit ? <mark key={i} style={{ background: 'var(--mantine-color-yellow-2)', color: 'inherit', padding: 0 }}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </Text>
  );
}

export function SearchSpotlight() {
  const { t } = useTranslation('search');
  const navigate = useApp((s) => s.navigate);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const [result, setResult] = useState<{ text: string; hits: SearchHit[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const text = debounced.trim();
    if (!text) {
      setResult(null);
      setError(null);
      return;
    }
    let alive = true;
    api.call('search.query', { text, limit: 40 }).then(
      (r) => {
        if (!alive) return;
        setResult({ text, hits: r.hits });
        setError(null);
      },
      (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
  }, [debounced]);

  // The results come after the keystroke, when the spotlight has already tried to select the first
  // action: mark it the way the spotlight does, so that Enter opens it.
  useEffect(() => {
    const raf = requestAnimationFrame(() => {
      const list = document.querySelector('[data-testid="search-results"]');
      if (list && !list.querySelector('[data-selected]')) list.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
    });
    return () => cancelAnimationFrame(raf);
  }, [result]);

  const hits = query.trim() && result ? result.hits : [];
  const pending = query.trim() !== '' && result?.text !== query.trim() && !error;
  return (
    <Spotlight.Root
      store={searchStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={520}
      size="lg"
    >
      <Spotlight.Search
        placeholder={t('placeholder')}
        leftSection={<IconSearch size={18} stroke={1.6} />}
        rightSection={pending ? <Loader size="xs" /> : null}
        aria-label={t('label')}
        data-testid="search-input"
      />
      <Spotlight.ActionsList data-testid="search-results">
        {SEARCH_ENTITIES.map((entity) => {
          const group = hits.filter((h) => h.entity === entity);
          if (group.length === 0) return null;
          return (
            <Spotlight.ActionsGroup key={entity} label={t(`entity.${entity}`)}>
              {group.map((h) => (
                <Spotlight.Action
                  key={`${h.entity}:${h.id}`}
                  onClick={() => navigate(...hitRoute(h))}
                  data-testid="search-hit"
                  data-entity={h.entity}
                >
                  <Group wrap="nowrap" justify="space-between" w="100%" gap="sm">
                    <div style={{ minWidth: 0 }}>
                      {/* Matched in the title: the title, highlighted, once; else the title and the matching text. */}
                      {snippetRepeatsTitle(h) && h.snippet.some((p) => p.hit) ? (
                        <Snippet hit={h} asTitle />
                      ) : (
                        <>
                          <Text size="sm" fw={600} truncate data-testid="search-hit-title">{h.title}</Text>
                          {!snippetRepeatsTitle(h) && <Snippet hit={h} />}
                        </>
                      )}
                    </div>
                    <Text size="xs" ta="right" style={{ flexShrink: 0, maxWidth: 220, opacity: 0.75 }} truncate>
                      {[h.departmentName, h.entity !== 'processes' ? h.processName : null].filter(Boolean).join(' · ')}
                    </Text>
                  </Group>
                </Spotlight.Action>
              ))}
            </Spotlight.ActionsGroup>
          );
        })}
        {error && <Spotlight.Empty><Text c="red" size="sm">{error}</Text></Spotlight.Empty>}
        {!error && query.trim() && result && result.text === query.trim() && hits.length === 0 && (
          <Spotlight.Empty data-testid="search-empty">{t('nothing', { text: query.trim() })}</Spotlight.Empty>
        )}
        {!query.trim() && <Spotlight.Empty>{t('hint')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Group gap="xs">
          <Badge variant="default" tt="none" size="sm">↑ ↓</Badge>
          <Text size="xs" c="dimmed">{t('footerMove')}</Text>
          <Badge variant="default" tt="none" size="sm">Enter</Badge>
          <Text size="xs" c="dimmed">{t('footerOpen')}</Text>
          <Badge variant="default" tt="none" size="sm">Esc</Badge>
          <Text size="xs" c="dimmed">{t('footerClose')}</Text>
        </Group>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
