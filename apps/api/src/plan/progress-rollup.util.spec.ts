import { countStatuses, measureProgress, rollUpStatus, weightedProgress } from './progress-rollup.util';

describe('weightedProgress', () => {
  it('weights each part', () => {
    expect(
      weightedProgress([
        { weight: 3, progress: 100 },
        { weight: 1, progress: 0 },
      ]),
    ).toBe(75);
  });
  it('rounds to one decimal', () => {
    expect(
      weightedProgress([
        { weight: 1, progress: 10 },
        { weight: 2, progress: 0 },
      ]),
    ).toBe(3.3);
  });
  it('returns null when there is nothing to count', () => {
    expect(weightedProgress([])).toBeNull();
    expect(weightedProgress([{ weight: 1, progress: null }])).toBeNull();
  });
  it('leaves out parts without progress', () => {
    expect(
      weightedProgress([
        { weight: 1, progress: null },
        { weight: 1, progress: 40 },
      ]),
    ).toBe(40);
  });
  it('falls back to a plain mean when every weight is zero', () => {
    expect(
      weightedProgress([
        { weight: 0, progress: 20 },
        { weight: 0, progress: 60 },
      ]),
    ).toBe(40);
  });
  it('ignores a zero-weight part when others have weight', () => {
    expect(
      weightedProgress([
        { weight: 0, progress: 100 },
        { weight: 2, progress: 50 },
      ]),
    ).toBe(50);
  });
});

describe('measureProgress', () => {
  it('excludes cancelled activities', () => {
    expect(
      measureProgress([
        { weight: 1, progress: 80, status: 'in_progress' },
        { weight: 5, progress: 0, status: 'cancelled' },
      ]),
    ).toBe(80);
  });
  it('is null when every activity is cancelled or there are none', () => {
    expect(measureProgress([{ weight: 1, progress: 10, status: 'cancelled' }])).toBeNull();
    expect(measureProgress([])).toBeNull();
  });
});

describe('rollUpStatus', () => {
  it('summarises a group of activities', () => {
    expect(rollUpStatus([])).toBe('not_started');
    expect(rollUpStatus(['cancelled', 'cancelled'])).toBe('cancelled');
    expect(rollUpStatus(['completed', 'cancelled'])).toBe('completed');
    expect(rollUpStatus(['completed', 'delayed'])).toBe('delayed');
    expect(rollUpStatus(['completed', 'not_started'])).toBe('in_progress');
    expect(rollUpStatus(['not_started', 'not_started'])).toBe('not_started');
  });
  it('counts statuses', () => {
    expect(countStatuses(['completed', 'completed', 'delayed'])).toEqual({
      not_started: 0,
      in_progress: 0,
      completed: 2,
      delayed: 1,
      cancelled: 0,
    });
  });
});
