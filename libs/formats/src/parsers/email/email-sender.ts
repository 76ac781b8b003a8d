/**
 * Whether a From address is the story's author, whose name may go into `by`, or a system or desk that only sends:
 * a form service, a newsroom mailbox, an agency's desk address, a no-reply robot.
 */
const ROLE_WORDS =
  /\b(news|newsroom|desk|editor|editorial|editors|redaktion|redaction|rédaction|redaccion|redacción|noreply|no-reply|donotreply|do-not-reply|info|admin|service|services|support|team|forms?|notifications?|mailer|daemon|postmaster|press|presse|prensa|media|wire|agency|agentur|agence|feed|alerts?|bot|system|office|newsdesk|photo|photos|desk)\b/i;

/** A person's name: two to four words, each starting with a capital letter, no digits or @. */
const PERSON_NAME =
  /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|van|von|de|da|der|den|del|la|le|di|du|bin|al|ibn|y)){1,3}$/u;

export function authorOf(from: { name?: string; address?: string } | undefined): string | undefined {
  if (!from) return undefined;
  const name = (from.name ?? '').replace(/^["']|["']$/g, '').trim();
  const local = (from.address ?? '').split('@')[0] ?? '';
  if (!name || !PERSON_NAME.test(name)) return undefined;
  if (ROLE_WORDS.test(name) || ROLE_WORDS.test(local.replace(/[._-]+/g, ' '))) return undefined;
  return name;
}
