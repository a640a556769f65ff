// Video link keys: the same Drive or YouTube video written different ways is one video; different videos differ.
import { videoKey } from '../../src/forms/links';

describe('videoKey', () => {
  test('Drive share, open and uc links of one file are the same video', () => {
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    const key = `drive:${id}`;
    expect(videoKey(`https://drive.google.com/file/d/${id}/view?usp=sharing`)).toBe(key);
    expect(videoKey(`https://drive.google.com/open?id=${id}`)).toBe(key);
    expect(videoKey(`drive.google.com/uc?id=${id}&export=download`)).toBe(key);
  });

  test('youtu.be, watch, shorts and mobile links of one video are the same video', () => {
    for (const link of [
      'https://youtu.be/dQw4w9WgXcQ?si=abc',
      'http://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share',
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtube.com/shorts/dQw4w9WgXcQ',
    ]) {
      expect(videoKey(link)).toBe('youtube:dQw4w9WgXcQ');
    }
  });

  test('other links ignore scheme, www, trailing slash and tracking but keep real parameters', () => {
    expect(videoKey('https://www.facebook.com/doan11/videos/123/?fbclid=x')).toBe(videoKey('http://facebook.com/doan11/videos/123'));
    expect(videoKey('https://example.com/v?id=1')).not.toBe(videoKey('https://example.com/v?id=2'));
    expect(videoKey('  ')).toBe('');
  });

  test('different Drive files are different videos', () => {
    expect(videoKey('https://drive.google.com/file/d/1AAAAAAAAAAAAAAAAAAAA/view')).not.toBe(
      videoKey('https://drive.google.com/file/d/1BBBBBBBBBBBBBBBBBBBB/view'),
    );
  });
});
