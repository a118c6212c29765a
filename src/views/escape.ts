// HTML escaping, for every layer that writes HTML: the five characters that can end a text or an
// attribute value, so a value from a rule file, a case or a URL never becomes markup.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
