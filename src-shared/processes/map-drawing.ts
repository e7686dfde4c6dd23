// What both drawings of a process map (the app's map-svg.tsx, the report's swimlane-map.ts) and its
// layout share to write on it: the severity colours and how a name is cut into lines.

/** Worst open severity → colour of the marker: 1–2 yellow, 3 orange, 4–5 red. */
export function severityFill(worst: number | null): string {
  if (worst === null) return '#adb5bd';
  if (worst >= 4) return '#e03131';
  if (worst === 3) return '#f76707';
  return '#fcc419';
}

/** Splits a label into at most `maxLines` lines of about `maxChars`, ending with … when cut. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const word = w.length > maxChars ? `${w.slice(0, maxChars - 1)}…` : w;
    if (!cur) cur = word;
    else if ((cur + ' ' + word).length <= maxChars) cur += ' ' + word;
    else {
      lines.push(cur);
      cur = word;
    }
  }
  if (cur) lines.push(cur);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1]!;
    kept[maxLines - 1] = (last.length >= maxChars ? last.slice(0, maxChars - 1) : last) + '…';
    return kept;
  }
  return lines;
}
