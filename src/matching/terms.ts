/** What a product name or a requested line says, reduced to comparable words and numbers. */
export interface Terms {
  words: string[];
  /** Plain numbers as canonical decimals ("1.0" → "1"); inch sizes carry a mark ('1.25"'). */
  numbers: string[];
}

const INCH = /(?:(\d+)[\s-]+)?(\d+)\/(\d+)\s*(?:"|''|”|tuumaa?)|(\d+(?:\.\d+)?)\s*(?:"|''|”|tuumaa?)/g;

/** Lower case, Nordic letters typed either way, decimal comma, "sk/sk" as one word. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äåá]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/×/g, 'x')
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/([a-z])\/([a-z])/g, '$1$2');
}

export function termsOf(text: string): Terms {
  const numbers: string[] = [];
  const withoutInches = fold(text).replace(INCH, (_m, whole?: string, num?: string, den?: string, plain?: string) => {
    const inches = plain !== undefined ? Number(plain) : Number(whole ?? 0) + Number(num) / Number(den);
    numbers.push(`${inches}"`);
    return ' ';
  });
  for (const m of withoutInches.matchAll(/\d+(?:\.\d+)?/g)) numbers.push(String(Number(m[0])));
  const words = withoutInches.split(/[^a-z]+/).filter((w) => w.length >= 2);
  return { words, numbers };
}
