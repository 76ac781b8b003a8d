/**
 * The zone an agency writes its times in when it leaves the offset out. Only agencies seen sending zone-less local
 * times are listed (STT's NewsML-G2, NTB's NITF, Belga's NewsML 1.2, Ritzau's XML, dpa); others keep the ISO reading
 * (no offset = UTC). Matched on a provider name, id or domain as the copy gives it.
 */
const AGENCY_ZONES: readonly [RegExp, string][] = [
  [/^(?:stt|stt\.fi|stt-lehtikuva|lehtikuva)$/i, 'Europe/Helsinki'],
  [/^(?:ntb|ntb\.no|ntbscanpix)$/i, 'Europe/Oslo'],
  [/^(?:belga|belga\.be|www\.belga\.be)$/i, 'Europe/Brussels'],
  [/^(?:ritzau|ritzau\.dk)$/i, 'Europe/Copenhagen'],
  [/^(?:dpa|dpa\.com|dpa\.de)$/i, 'Europe/Berlin'],
  [/^(?:tt|tt\.se)$/i, 'Europe/Stockholm'],
];

/** The IANA zone of the first hint that names a known agency ("STT", "nprov:stt", "urn:newsml:stt.fi:…"). */
export function agencyZone(...hints: (string | undefined)[]): string | undefined {
  for (const hint of hints) {
    if (!hint) continue;
    for (const token of hint.split(/[\s:/,;]+/)) {
      for (const [pattern, zone] of AGENCY_ZONES) if (pattern.test(token)) return zone;
    }
  }
  return undefined;
}
