/** What one live source speaks for: a declared resource it covers and does not report is missing. */
export interface SourceCoverage {
  /** The canonical types it records in full, or `*` for all. */
  types: readonly string[] | '*';
  /**
   * Single resources it speaks for beyond those types, by key: a refresh-only plan knows the objects of its own
   * state, not every object of their types.
   */
  keys?: readonly string[];
  /**
   * Key prefixes it speaks for beyond those types: the children of one parent
   * (`azurerm_storage_container./subscriptions/.../storageaccounts/st1/`), where the children of another parent of
   * the same type could not be listed.
   */
  prefixes?: readonly string[];
}
