import { describe, expect, it } from 'vitest';
import { matchPeer, normalisePeerName } from '@/core/peers';
import { peerLines } from '@/core/background/review-loader';
import { repairSettings } from '@/core/settings';

const listed = [
  { name: '森屿家居 旗舰店', url: 'https://senyu.tmall.com/' },
  { name: 'North Shop', url: 'https://north.example.com/', aliases: ['北岸小店'] },
];

describe('peer names printed on 竞店 pages', () => {
  it('folds width, case, spaces and punctuation, nothing else', () => {
    expect(normalisePeerName('森屿家居 旗舰店')).toBe('森屿家居旗舰店');
    expect(normalisePeerName('ＮＯＲＴＨ－Shop（官方）')).toBe('northshop官方');
    expect(normalisePeerName('  ·  ')).toBe('');
  });

  it('matches a printed name to a listed peer by its normalised name or a linked name, never by a part', () => {
    expect(matchPeer('森屿家居旗舰店', listed)).toBe(0);
    expect(matchPeer('north shop', listed)).toBe(1);
    expect(matchPeer('北岸小店', listed)).toBe(1);
    expect(matchPeer('森屿家居', listed)).toBe(-1);
    expect(matchPeer('森屿家居旗舰店二店', listed)).toBe(-1);
    expect(matchPeer('', listed)).toBe(-1);
  });

  it('groups printed names under the listed peer, in the operator’s order, and keeps the others apart', () => {
    const lines = peerLines(
      [
        { printed: '暖冬小屋企业店', points: [{ date: '2026-11-24', value: 900 }] },
        { printed: '北岸小店', points: [{ date: '2026-11-24', value: 300 }] },
        { printed: 'NORTH SHOP', points: [{ date: '2026-11-25', value: 310 }] },
        { printed: '森屿家居旗舰店', points: [{ date: '2026-11-25', value: 5210 }] },
      ],
      listed,
    );
    expect(lines).toEqual([
      { peer: '森屿家居 旗舰店', listed: true, points: [{ date: '2026-11-25', value: 5210 }] },
      {
        peer: 'North Shop',
        listed: true,
        points: [
          { date: '2026-11-24', value: 300 },
          { date: '2026-11-25', value: 310 },
        ],
      },
      { peer: '暖冬小屋企业店', listed: false, points: [{ date: '2026-11-24', value: 900 }] },
    ]);
  });

  it('keeps linked names through repair and drops the ones that are not names, with a note', () => {
    const { settings, notes } = repairSettings({
      version: 2,
      shops: {
        'sycm|小雨的旗舰店': { peers: [{ name: 'North Shop', url: 'https://north.example.com/', aliases: ['北岸小店', 7, ''] }] },
      },
    });
    expect(settings.shops['sycm|小雨的旗舰店']!.peers![0]!.aliases).toEqual(['北岸小店']);
    expect(notes).toEqual(['shops.sycm|小雨的旗舰店.peers[0].aliases: entries that are not names dropped']);
  });
});
