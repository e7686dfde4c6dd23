import { useState } from 'react';
import { Text, Tooltip, type TextProps } from '@mantine/core';

/**
 * Text cut to a few lines where space is short (table cells), with the whole text in a tooltip when,
 * and only when, it is actually cut.
 */
export function ClampedText({ children, lines = 1, ...props }: TextProps & { children: string; lines?: number; 'data-testid'?: string }) {
  const [cut, setCut] = useState(false);
  return (
    <Tooltip label={children} disabled={!cut} multiline maw={420} openDelay={250} withinPortal>
      <Text
        {...props}
        lineClamp={lines}
        onMouseEnter={(e) => {
          const el = e.currentTarget;
          setCut(el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
        }}
      >
        {children}
      </Text>
    </Tooltip>
  );
}
