const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Sizes as the API writes them: one decimal, 1 KB = 1024 B. */
export function bytes(n) {
  let value = Number(n) || 0;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

export function count(n) {
  return Number(n ?? 0).toLocaleString('en-US');
}

/** A timestamp in the reader's time zone, with the ISO value kept for the tooltip. */
export function dateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** The last path segment of a key or prefix, as shown in a folder listing. */
export function baseName(key, prefix) {
  return key.startsWith(prefix) ? key.slice(prefix.length) : key;
}
