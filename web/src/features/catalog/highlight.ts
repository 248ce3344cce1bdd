// Marks the searched words in a text. The server says which words it searched for (the query as
// jieba segmented it), so Chinese highlights match what was actually found. Pure, unit-tested.

export interface Part {
  text: string;
  hit: boolean;
}

const literal = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `text` cut into plain and matched parts; longer words win where words overlap; case-insensitive. */
export function highlightParts(text: string, words: readonly string[]): Part[] {
  const usable = [...new Set(words.map((w) => w.trim()).filter((w) => w.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  if (!text || usable.length === 0) return text ? [{ text, hit: false }] : [];
  const pattern = new RegExp(usable.map(literal).join("|"), "giu");
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start), hit: false });
    parts.push({ text: match[0], hit: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}
