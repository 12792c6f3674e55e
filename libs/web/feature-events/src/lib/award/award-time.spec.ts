import { countdown } from './award-time';

describe('countdown', () => {
  const deadline = '2026-12-05T15:00:00Z';
  const at = (iso: string) => new Date(iso).getTime();

  it('gives days and hours while more than an hour is left', () => {
    expect(countdown(deadline, at('2026-12-03T12:30:00Z'))).toEqual({ days: 2, hours: 2, minutes: 30 });
  });

  it('gives whole minutes, rounded up, in the last hour', () => {
    expect(countdown(deadline, at('2026-12-05T14:58:30Z'))).toEqual({ days: 0, hours: 0, minutes: 2 });
    expect(countdown(deadline, at('2026-12-05T14:59:59Z'))).toEqual({ days: 0, hours: 0, minutes: 1 });
  });

  it('is over at the deadline', () => {
    expect(countdown(deadline, at(deadline))).toBeNull();
  });
});
