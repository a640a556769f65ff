// Vietnamese typographic quotes for names the form, its pages and its emails show.

/**
 * `text` with each pair of straight double quotes turned into “ ” (an unpaired one is left alone).
 * The default contest name carries its slogan in straight quotes; curly ones read as part of the name
 * when the name itself sits in a sentence or a title: Nộp bài dự thi – Hội thi video clip “Tuổi trẻ…”.
 * @example typographicQuotes('Hội thi "Tuổi trẻ"') === 'Hội thi “Tuổi trẻ”'
 */
export function typographicQuotes(text: string): string {
  return text.replace(/"([^"\n]*)"/g, '“$1”');
}
