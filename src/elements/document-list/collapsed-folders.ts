/**
 * Which folders of the tree are collapsed: one set while browsing, another
 * while a filter is on, which each new filter starts empty (every match in
 * view), so the folders return as the user left them once the filter is cleared.
 */
export class CollapsedFolders {
  readonly #browsing = new Set<string>();
  #filtering = new Set<string>();
  #query = '';
  /** Bumped by every change, so a view made from these sets can tell it is stale. */
  version = 0;

  /** Follows the normalized filter; returns whether it changed. */
  follow(query: string): boolean {
    if (query === this.#query) return false;
    this.#query = query;
    this.#filtering = new Set();
    this.version++;
    return true;
  }

  has(key: string): boolean {
    return this.#now().has(key);
  }

  /** Expands (`expand` true), collapses (false) or toggles a folder; returns whether anything changed. */
  toggle(key: string, expand = this.has(key)): boolean {
    const set = this.#now();
    if (expand !== set.has(key)) return false;
    if (expand) set.delete(key);
    else set.add(key);
    this.version++;
    return true;
  }

  #now(): Set<string> {
    return this.#query ? this.#filtering : this.#browsing;
  }
}
