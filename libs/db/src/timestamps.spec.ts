// eslint-disable-next-line @typescript-eslint/no-require-imports
const parseDate = require('postgres-date') as (text: string) => Date | number | null;
import { parseTimestamptz } from './timestamps';

const time = (value: Date | number | null) => (value instanceof Date ? value.getTime() : value);
const differing = (texts: string[]) => texts.filter((text) => !Object.is(time(parseTimestamptz(text)), time(parseDate(text))));
const same = (text: string) => expect(differing([text])).toEqual([]);

describe('parseTimestamptz', () => {
  it('gives the Date postgres-date gives for the forms PostgreSQL writes', () => {
    for (const text of [
      '2026-11-29 13:40:00+00',
      '2026-11-29 13:40:00.1+00',
      '2026-11-29 13:40:00.123+00',
      '2026-11-29 13:40:00.123456+00',
      '2026-11-29 13:40:00.999999+00',
      '2024-02-29 23:59:59.5-08',
      '2026-01-01 00:00:00+05:30',
      '2026-01-01 00:00:00.000001-03:30',
      '1000-01-01 00:00:00+00',
      '9999-12-31 23:59:59.999999+14',
    ])
      same(text);
  });

  it('agrees with postgres-date on 20,000 random timestamps', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const texts: string[] = [];
    for (let k = 0; k < 20_000; k += 1) {
      const r = (n: number) => Math.floor(Math.random() * n);
      const fraction =
        r(7) === 0
          ? ''
          : `.${String(r(1_000_000))
              .padStart(6, '0')
              .slice(0, 1 + r(6))}`;
      const offset = [`+${pad(r(15))}`, `-${pad(r(13))}`, `+${pad(r(15))}:${pad(r(60))}`, `-${pad(r(13))}:${pad(r(60))}`][r(4)];
      texts.push(`${1000 + r(9000)}-${pad(1 + r(12))}-${pad(1 + r(28))} ${pad(r(24))}:${pad(r(60))}:${pad(r(60))}${fraction}${offset}`);
    }
    expect(differing(texts)).toEqual([]);
  });

  it('leaves every other form to postgres-date', () => {
    for (const text of [
      'infinity',
      '-infinity',
      '0044-03-15 12:00:00+00 BC',
      '0099-01-01 00:00:00+00',
      '12026-01-01 00:00:00+00',
      '1880-01-01 00:00:00+00:53:28',
      '2026-01-01',
    ])
      same(text);
  });
});
