// Sizes are binary everywhere in the console, with IEC names so that nobody reads "MB" as 10^6:
// 1 KiB = 1024 B. The API's *_human fields keep their documented "KB" spelling; the console
// formats the byte counts itself instead of showing them.
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** One decimal, in the first unit where the number stays under 1000: "1.0 MiB", "25.5 GiB". */
export function bytes(n) {
  let value = Number(n) || 0;
  let unit = 0;
  while (value >= 999.95 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

/**
 * A chart axis of bytes: ticks a whole number (1, 2 or 5 × 10^n) of one binary unit apart, so
 * that every label is exact ("200 KiB", "1000 KiB") and never a decimal step written in binary
 * units ("976.6 KB"). Returns {stepSize, unit} for a scale whose largest value is max.
 */
export function byteAxis(max, ticks = 6) {
  const raw = Math.max(max, 1) / ticks;
  let unit = 0;
  while (unit < UNITS.length - 1 && raw / 1024 ** (unit + 1) >= 1) unit++;
  const scaled = raw / 1024 ** unit;
  const power = 10 ** Math.floor(Math.log10(scaled));
  const nice = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= scaled) ?? 10 * power;
  // 1000 of a unit is better read as 1 of the next: "1 MiB, 2 MiB" rather than "1000 KiB, 2000 KiB"
  if (nice >= 1000 && unit < UNITS.length - 1) return { stepSize: 1024 ** (unit + 1), unit: unit + 1 };
  return { stepSize: Math.max(1, nice) * 1024 ** unit, unit };
}

/** A tick label of a byteAxis: the value in the axis's unit, without a needless ".0". */
export function axisBytes(value, unit) {
  const scaled = value / 1024 ** unit;
  return `${Number.isInteger(scaled) ? scaled : Number(scaled.toFixed(3))} ${UNITS[unit]}`;
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
