import { useState } from 'react';
import { Anchor, Collapse, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconMathFunction } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FigureMethod } from '@shared/messages/method';
import { messageLocale } from '@shared/messages';
import { formatDate } from '@shared/format';

/**
 * "How is this computed?" under a figure: the window, what it rests on, the uncertainty, and the
 * method sentence by sentence — the words the core wrote (EN/FR), the same the reports print.
 */
export function HowComputed({ method, testId = 'how-computed' }: { method: FigureMethod; testId?: string }) {
  const { t, i18n } = useTranslation('figures');
  const [open, setOpen] = useState(false);
  const lang = messageLocale(i18n.language);
  const Chevron = open ? IconChevronDown : IconChevronRight;
  return (
    <div data-testid={testId}>
      <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid={`${testId}-toggle`}>
        <Group gap={4} wrap="nowrap">
          <IconMathFunction size={14} />
          {t('howComputed.title')}
          <Chevron size={12} />
        </Group>
      </Anchor>
      <Collapse expanded={open}>
        <Paper withBorder radius="sm" p="sm" mt={6} bg="var(--mantine-color-gray-0)" data-testid={`${testId}-body`}>
          <Stack gap={6}>
            <Group gap="lg" wrap="wrap">
              {method.window && (
                <Text size="xs">
                  <Text span fw={600}>{t('howComputed.window')}</Text> {formatDate(method.window.from, i18n.language)} – {formatDate(method.window.to, i18n.language)}
                </Text>
              )}
              {method.used && (
                <Text size="xs">
                  <Text span fw={600}>{t('howComputed.used')}</Text> {t(`howComputed.${method.used.unit}`, { count: method.used.count })}
                </Text>
              )}
            </Group>
            {method.uncertainty && (
              <Text size="xs">
                <Text span fw={600}>{t('howComputed.uncertainty')}</Text> {method.uncertainty[lang]}
              </Text>
            )}
            <List size="xs" spacing={4}>
              {method.text[lang].map((s, i) => (
                <List.Item key={i}>{s}</List.Item>
              ))}
            </List>
          </Stack>
        </Paper>
      </Collapse>
    </div>
  );
}
