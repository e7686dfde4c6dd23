import { SearchButton } from '../features/search/SearchButton';
import { SearchSpotlight } from '../features/search/SearchSpotlight';
import { SyncBadge } from '../features/sync/sync-badge';

// Slot for header tools added by features: the search box opened with Ctrl/Cmd+K, the sync's offline badge.
export function HeaderExtras() {
  return (
    <>
      <SyncBadge />
      <SearchButton />
      <SearchSpotlight />
    </>
  );
}
