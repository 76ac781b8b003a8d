import type { WireItem } from '../../model/wire-item';

/**
 * Fills what the primary item lacks from a secondary one (an envelope's metadata first, then the NITF or XHTML
 * inside it). Scalars are taken only when missing; lists are concatenated (finalizeItem removes repeats); the body
 * is taken whole when the primary has none.
 */
export function fillMissing(primary: WireItem, secondary: WireItem): WireItem {
  const target = primary as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(secondary) as [string, unknown][]) {
    if (value === undefined || key === 'format' || key === 'bodyXhtml') continue;
    const current = target[key];
    if (key === 'body') {
      if (primary.body.length === 0) {
        primary.body = secondary.body;
        if (secondary.bodyXhtml) primary.bodyXhtml = secondary.bodyXhtml;
      }
    } else if (Array.isArray(value)) {
      target[key] = Array.isArray(current) ? [...current, ...value] : [...value];
    } else if (current === undefined || current === '') {
      target[key] = value;
    }
  }
  return primary;
}
