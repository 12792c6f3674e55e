import { activityHealth, daysLate, expectedProgress, worstHealth } from './activity-health.util';

const base = { status: 'in_progress' as const, progress: 50, startDate: '2026-01-01', dueDate: '2026-12-31' };

describe('activityHealth', () => {
  it('gives cancelled work no health', () => {
    expect(activityHealth({ ...base, status: 'cancelled' }, '2027-06-01')).toBeNull();
  });

  it('keeps completed work on track, even past its due date', () => {
    expect(activityHealth({ ...base, status: 'completed', progress: 100 }, '2027-06-01')).toBe('on_track');
    expect(activityHealth({ ...base, progress: 100 }, '2027-06-01')).toBe('on_track');
  });

  it('is late only after the due date, not on it', () => {
    const nearlyDone = { ...base, progress: 90 };
    expect(activityHealth(nearlyDone, '2026-12-31')).toBe('on_track');
    expect(activityHealth(nearlyDone, '2027-01-01')).toBe('late');
  });

  it('flags a delayed status as at risk before the due date', () => {
    expect(activityHealth({ ...base, status: 'delayed', progress: 90 }, '2026-03-01')).toBe('at_risk');
    expect(activityHealth({ ...base, status: 'delayed' }, '2027-03-01')).toBe('late');
  });

  it('is at risk when more than 20 points behind the straight line', () => {
    // 2026-07-02 is 182 of 364 days in: expected 50 %.
    expect(expectedProgress('2026-01-01', '2026-12-31', '2026-07-02')).toBeCloseTo(50, 5);
    expect(activityHealth({ ...base, progress: 30 }, '2026-07-02')).toBe('on_track'); // exactly 20 behind
    expect(activityHealth({ ...base, progress: 29 }, '2026-07-02')).toBe('at_risk');
  });

  it('is at risk when due within 30 days and under 80 %', () => {
    const shortFuse = { ...base, startDate: null, progress: 79 };
    expect(activityHealth(shortFuse, '2026-12-01')).toBe('at_risk'); // 30 days left
    expect(activityHealth(shortFuse, '2026-11-30')).toBe('on_track'); // 31 days left
    expect(activityHealth({ ...shortFuse, progress: 80 }, '2026-12-01')).toBe('on_track');
  });

  it('calls undated work on track unless delayed', () => {
    const undated = { ...base, startDate: null, dueDate: null, progress: 0 };
    expect(activityHealth(undated, '2030-01-01')).toBe('on_track');
    expect(activityHealth({ ...undated, status: 'delayed' }, '2030-01-01')).toBe('at_risk');
  });

  it('expects nothing before the start and everything from the due date', () => {
    expect(expectedProgress('2026-01-01', '2026-12-31', '2025-12-01')).toBe(0);
    expect(expectedProgress('2026-01-01', '2026-12-31', '2026-12-31')).toBe(100);
    expect(expectedProgress('2026-05-01', '2026-05-01', '2026-05-01')).toBe(0);
    expect(expectedProgress(null, '2026-12-31', '2026-06-01')).toBeNull();
  });
});

describe('worstHealth', () => {
  it('takes the least healthy part and ignores cancelled ones', () => {
    expect(worstHealth(['on_track', null, 'at_risk'])).toBe('at_risk');
    expect(worstHealth(['at_risk', 'late', 'on_track'])).toBe('late');
    expect(worstHealth([null, null])).toBeNull();
    expect(worstHealth([])).toBeNull();
  });
});

describe('daysLate', () => {
  const base = { status: 'in_progress' as const, progress: 40, startDate: '2026-01-01', dueDate: '2026-10-20' };

  it('counts the days past the due date of a late activity', () => {
    expect(daysLate(base, '2026-12-04')).toBe(45);
  });

  it('is 0 when the activity is not late: before its due date, done, at 100 % or cancelled', () => {
    expect(daysLate(base, '2026-10-20')).toBe(0);
    expect(daysLate({ ...base, status: 'completed' }, '2026-12-04')).toBe(0);
    expect(daysLate({ ...base, progress: 100 }, '2026-12-04')).toBe(0);
    expect(daysLate({ ...base, status: 'cancelled' }, '2026-12-04')).toBe(0);
    expect(daysLate({ ...base, dueDate: null }, '2026-12-04')).toBe(0);
  });
});
