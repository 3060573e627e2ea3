// One knowledge table per process: our data file plus an optional user override file, loaded on first use and
// loaded again after the override changes (`--knowledge DIR`).

export interface TableSlot<T> {
  get(): T;
  setOverride(file: string | null): void;
}

export function tableSlot<T>(load: (userFile: string | null) => T): TableSlot<T> {
  let table: T | null = null;
  let userFile: string | null = null;
  return {
    get: () => (table ??= load(userFile)),
    setOverride(file) {
      userFile = file;
      table = null;
    },
  };
}
