import type { HistoryLocation } from './location.js';
import type { HistoryStore } from './store.js';

/** Opens the store, running its migrations. The database driver is imported only here, when a store is used. */
export async function openHistoryStore(location: HistoryLocation): Promise<HistoryStore> {
  if (location.kind === 'sqlite') {
    const { openSqliteStore } = await import('./sqlite.js');
    return openSqliteStore(location.path, location.display);
  }
  const { openPostgresStore } = await import('./postgres.js');
  return openPostgresStore(location.url, location.display);
}
