// The submission form's questions: titles, kinds, validation, and how a form's items are matched to them by title.
import { normalizeName } from '../domain/parse';
import type { SubmissionKey } from '../sheets/submissions';

/** Answer fields of a submission, named as the "Bài dự thi" columns they feed. */
export type QuestionKey = 'unit' | 'entryType' | 'authors' | 'title' | 'videoLink' | 'length' | 'contactName' | 'phone' | 'email' | 'pledge';

export type QuestionKind = 'list' | 'multipleChoice' | 'text' | 'paragraph' | 'checkbox';

export interface QuestionSpec {
  key: QuestionKey;
  /** The "Bài dự thi" column its answer feeds (null: not kept, like the pledge). */
  column: SubmissionKey | null;
  /** Title the builder gives the item (what a submitter reads). */
  title: string;
  help: string;
  kind: QuestionKind;
  required: boolean;
  /** Fixed choices (unit choices come from the roster instead). */
  choices?: string[];
  validation?: 'url' | 'email';
  /**
   * Other titles accepted when linking a form made by hand, compared after normalizeName; a title
   * also matches when it starts with one of these followed by a space, "(" or ":".
   */
  accepts: string[];
}

export const ENTRY_TYPES = ['Cá nhân', 'Tập thể'];

export const PLEDGE_TEXT =
  'Tôi/chúng tôi cam kết tác phẩm là sáng tác mới, không sao chép, chưa đăng trên phương tiện thông tin đại chúng nào, ' +
  'và đồng ý để Ban tổ chức toàn quyền sử dụng tác phẩm cho mục đích tuyên truyền.';

/** Questions in form order. */
export const QUESTIONS: QuestionSpec[] = [
  {
    key: 'unit',
    column: 'unit',
    title: 'Đơn vị',
    help: 'Cơ sở Đoàn dự thi. Nếu quét mã QR của đơn vị, ô này đã được điền sẵn.',
    kind: 'list',
    required: true,
    accepts: ['Đơn vị', 'Tên đơn vị', 'Cơ sở Đoàn', 'Đơn vị dự thi'],
  },
  {
    key: 'entryType',
    column: 'entryType',
    title: 'Hình thức tham gia',
    help: 'Cá nhân hoặc tập thể (nhóm tác giả).',
    kind: 'multipleChoice',
    required: true,
    choices: ENTRY_TYPES,
    accepts: ['Hình thức tham gia', 'Hình thức', 'Hình thức dự thi'],
  },
  {
    key: 'authors',
    column: 'authors',
    title: 'Tác giả',
    help: 'Họ tên tác giả; nếu là tập thể, ghi tên nhóm và họ tên các thành viên.',
    kind: 'paragraph',
    required: true,
    accepts: ['Tác giả', 'Họ tên tác giả', 'Tên tác giả', 'Tác giả / nhóm tác giả'],
  },
  {
    key: 'title',
    column: 'title',
    title: 'Tên tác phẩm',
    help: '',
    kind: 'text',
    required: true,
    accepts: ['Tên tác phẩm', 'Tên video', 'Tên clip', 'Tên video clip'],
  },
  {
    key: 'videoLink',
    column: 'video',
    title: 'Link video',
    help: 'Link Google Drive hoặc YouTube của video clip, chia sẻ ở chế độ "Bất kỳ ai có đường liên kết đều xem được".',
    kind: 'text',
    required: true,
    validation: 'url',
    accepts: ['Link video', 'Đường dẫn video', 'Link clip', 'Link video clip', 'Liên kết video'],
  },
  {
    key: 'length',
    column: 'length',
    title: 'Thời lượng',
    help: 'Độ dài video clip (phút:giây), ví dụ 4:30. Yêu cầu từ 3 đến 5 phút.',
    kind: 'text',
    required: true,
    accepts: ['Thời lượng', 'Thời lượng video', 'Độ dài', 'Độ dài video'],
  },
  {
    key: 'contactName',
    column: 'contact',
    title: 'Người liên hệ',
    help: 'Họ tên người Ban tổ chức liên hệ khi cần.',
    kind: 'text',
    required: true,
    accepts: ['Người liên hệ', 'Họ tên người liên hệ'],
  },
  {
    key: 'phone',
    column: 'phone',
    title: 'Số điện thoại',
    help: '',
    kind: 'text',
    required: true,
    accepts: ['Số điện thoại', 'Điện thoại', 'SĐT', 'Số điện thoại liên hệ'],
  },
  {
    key: 'email',
    column: 'email',
    title: 'Email',
    help: 'Email nhận xác nhận nộp bài.',
    kind: 'text',
    required: true,
    validation: 'email',
    accepts: ['Email', 'Email liên hệ', 'Địa chỉ email', 'E-mail'],
  },
  {
    key: 'pledge',
    column: null,
    title: 'Cam kết',
    help: '',
    kind: 'checkbox',
    required: true,
    choices: [PLEDGE_TEXT],
    accepts: ['Cam kết', 'Cam kết của tác giả', 'Lời cam kết'],
  },
];

/** Questions a linked form must have; the pledge may be missing (older forms), the rest feed "Bài dự thi". */
export const ESSENTIAL_QUESTIONS: QuestionKey[] = ['unit', 'entryType', 'authors', 'title', 'videoLink'];

/** True when an item titled `title` answers `spec` (case, spaces and diacritics ignored). */
export function titleMatches(title: string, spec: QuestionSpec): boolean {
  const t = normalizeName(title).replace(/\s*[:*]+$/, '');
  return spec.accepts.some((a) => {
    const k = normalizeName(a);
    return t === k || t.startsWith(`${k} `) || t.startsWith(`${k}(`) || t.startsWith(`${k}:`);
  });
}

/** For each question, the index of the first title answering it; a title answers one question only. */
export function matchTitles(titles: string[]): Partial<Record<QuestionKey, number>> {
  const found: Partial<Record<QuestionKey, number>> = {};
  const used = new Set<number>();
  for (const spec of QUESTIONS) {
    for (let i = 0; i < titles.length; i++) {
      if (used.has(i)) continue;
      if (titleMatches(titles[i], spec)) {
        found[spec.key] = i;
        used.add(i);
        break;
      }
    }
  }
  return found;
}

/** Spec of a question key. */
export function questionSpec(key: QuestionKey): QuestionSpec {
  return QUESTIONS.find((q) => q.key === key)!;
}
