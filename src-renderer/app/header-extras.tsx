import { SearchButton } from '../features/search/SearchButton';
import { SearchSpotlight } from '../features/search/SearchSpotlight';

// Slot for header tools added by features: the search box opened with Ctrl/Cmd+K.
export function HeaderExtras() {
  return (
    <>
      <SearchButton />
      <SearchSpotlight />
    </>
  );
}
