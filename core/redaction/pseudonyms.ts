/**
 * Consistent pseudonyms: within one file the same value of a type always gets the same stand-in,
 * numbered by first appearance, so joins between rows survive a redaction. Stand-ins come from
 * reserved ranges (example.com, 555-01xx, TEST-NET addresses) and never name a real person or host.
 */

export type RedactionStyle = 'placeholder' | 'pseudonym';

/** `[EMAIL_ADDRESS]`. */
export function placeholderFor(type: string): string {
  return `[${type}]`;
}

/** The `n`th (1-based) pseudonym of a type; `original` lets IPv6 stay IPv6. */
export function pseudonymFor(type: string, n: number, original = ''): string {
  switch (type) {
    case 'PERSON':
      return `Person ${n}`;
    case 'EMAIL_ADDRESS':
      return `person${n}@example.com`;
    case 'PHONE_NUMBER':
      return n <= 100 ? `+1 202 555 01${String(n - 1).padStart(2, '0')}` : `PHONE_NUMBER_${n}`;
    case 'IP_ADDRESS':
      if (original.includes(':')) return `2001:db8::${n.toString(16)}`;
      return n <= 254 ? `192.0.2.${n}` : n <= 508 ? `198.51.100.${n - 254}` : `IP_ADDRESS_${n}`;
    case 'STREET_ADDRESS':
      return `${n} Example Street`;
    default:
      return `${type}_${n}`;
  }
}

/** A key under which two mentions count as the same value (case and spacing do not matter). */
export function valueKey(type: string, decoded: string): string {
  return `${type}\u0000${decoded.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/** Hands out pseudonyms in order of first appearance. */
export function createPseudonymizer(): (type: string, decoded: string) => string {
  const assigned = new Map<string, string>();
  const counts = new Map<string, number>();
  return (type, decoded) => {
    const key = valueKey(type, decoded);
    const known = assigned.get(key);
    if (known !== undefined) return known;
    const n = (counts.get(type) ?? 0) + 1;
    counts.set(type, n);
    const name = pseudonymFor(type, n, decoded);
    assigned.set(key, name);
    return name;
  };
}
