// Every URL form of a Page post's link, and clip IDs in post text.
import { clipIdsInText, linkInfo, postKeys } from '../../src/domain/fanpageLinks';

describe('linkInfo: the keys of each Facebook link form', () => {
  test.each([
    ['https://www.facebook.com/quandoan11/posts/123456789', ['post:123456789']],
    ['https://m.facebook.com/quandoan11/posts/123456789/', ['post:123456789']],
    ['web.facebook.com/quandoan11/posts/pfbid02AbCdEf', ['post:pfbid02AbCdEf']],
    ['facebook.com/quandoan11/posts/pfbid02AbCdEf?__cft__[0]=x&__tn__=R', ['post:pfbid02AbCdEf']],
    ['https://www.facebook.com/permalink.php?story_fbid=pfbid0XyZ&id=100064', ['post:pfbid0XyZ']],
    ['https://m.facebook.com/story.php?story_fbid=555&id=100064', ['post:555']],
    ['https://www.facebook.com/quandoan11/videos/clip-du-thi/777888999/', ['video:777888999']],
    ['https://www.facebook.com/quandoan11/videos/777888999', ['video:777888999']],
    ['https://www.facebook.com/watch/?v=777888999', ['video:777888999']],
    ['https://www.facebook.com/reel/777888999', ['video:777888999']],
    ['https://www.facebook.com/photo/?fbid=4242&set=a.1', ['post:4242']],
    ['https://www.facebook.com/100064_4242', ['post:4242']],
    ['  <https://www.facebook.com/quandoan11/posts/1>  ', ['post:1']],
  ])('%s', (link, keys) => {
    expect(linkInfo(link)).toEqual({ keys, shortLink: null, facebook: true });
  });

  test('fb.watch and /share/ links are short links to resolve (one form per link)', () => {
    expect(linkInfo('https://fb.watch/aBcD12/')).toEqual({ keys: [], shortLink: 'https://fb.watch/aBcD12', facebook: true });
    expect(linkInfo('fb.watch/aBcD12').shortLink).toBe('https://fb.watch/aBcD12');
    expect(linkInfo('https://m.facebook.com/share/v/1AbC/').shortLink).toBe('https://www.facebook.com/share/v/1AbC');
  });

  test('not Facebook, or no post in the link', () => {
    expect(linkInfo('https://youtu.be/abc').facebook).toBe(false);
    expect(linkInfo('').facebook).toBe(false);
    expect(linkInfo('https://www.facebook.com/quandoan11').keys).toEqual([]);
  });

  test('a post read from the Graph API is known by its id, its permalink and its video', () => {
    expect(postKeys({ id: '100064_555', permalink: 'https://www.facebook.com/100064/posts/pfbid0Q', videoIds: ['77'] }).sort()).toEqual([
      'post:555',
      'post:pfbid0Q',
      'video:77',
    ]);
  });
});

describe('clipIdsInText', () => {
  const ids = ['HT-001', 'HT-012', 'HT-040'];
  test.each([
    ['Bài dự thi #HT-012 của Đoàn phường 5', ['HT-012']],
    ['ht012 và HT 40', ['HT-012', 'HT-040']],
    ['HT-12', ['HT-012']],
    ['Quận 11, số điện thoại 0901234567', []],
    ['HT-0120', []],
    ['THT-001', []],
  ])('%s', (text, found) => {
    expect(clipIdsInText(text, ids)).toEqual(found);
  });
});
