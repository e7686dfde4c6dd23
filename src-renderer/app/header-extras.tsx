// Slot for header tools added by features (e.g. the search box opened with Ctrl/Cmd+K).
export function HeaderExtras() {
  return null;
}
