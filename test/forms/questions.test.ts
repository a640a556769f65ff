// Matching a form's item titles to the submission questions, as linking a hand-made form needs.
import { QUESTIONS, matchTitles } from '../../src/forms/questions';

describe('matchTitles', () => {
  test('our own titles match their questions one to one', () => {
    const found = matchTitles(QUESTIONS.map((q) => q.title));
    QUESTIONS.forEach((q, i) => expect(found[q.key]).toBe(i));
  });

  test('a hand-made form with other wording, case and no diacritics still matches', () => {
    const titles = ['Tên đơn vị:', 'HINH THUC DU THI', 'Họ tên tác giả (hoặc nhóm)', 'Tên video clip', 'Đường dẫn video', 'SĐT', 'Email liên hệ', 'Ghi chú'];
    const found = matchTitles(titles);
    expect(found).toEqual({ unit: 0, entryType: 1, authors: 2, title: 3, videoLink: 4, phone: 5, email: 6 });
  });

  test('a title is used for one question only', () => {
    // "Đơn vị" appears twice: the second copy is not claimed by anything.
    const found = matchTitles(['Đơn vị', 'Đơn vị']);
    expect(found).toEqual({ unit: 0 });
  });
});
