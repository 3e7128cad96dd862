// `{name}` placeholders in message and template texts, filled the same way for every text kakunin prints.

/** Fills `{name}` placeholders; unknown names are left visible so they get noticed. */
export function fillPlaceholders(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
