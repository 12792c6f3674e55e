import {
  inputLight,
  TRAFFIC_LIGHT_THRESHOLDS,
  trafficLight,
  trafficLightInputs,
  type TrafficLightFacts,
} from './traffic-light';

const ROUND = { id: 'r1', name: { fr: 'T3 2026' }, closesOn: '2026-09-30' };

/** Facts with every input measured and green, to be spoiled one at a time. */
function facts(overrides: Partial<TrafficLightFacts> = {}): TrafficLightFacts {
  return {
    plan: { led: 4, late: 0, asOf: '2026-12-05', planCode: 'PANDO-2021' },
    reporting: { round: ROUND, owed: 10, onTime: 10, asOf: '2026-10-01T09:00:00.000Z' },
    publication: { mapped: true, score: 75, day: '2026-12-04', asOf: '2026-12-04T03:00:00.000Z' },
    ...overrides,
  };
}

describe('the traffic light of an administration', () => {
  describe('each input against its thresholds', () => {
    it('plan lateness: none late is green, up to 25 % amber, more red (lower is better)', () => {
      expect(inputLight('plan', 0)).toBe('green');
      expect(inputLight('plan', 0.1)).toBe('amber');
      expect(inputLight('plan', 25)).toBe('amber');
      expect(inputLight('plan', 25.1)).toBe('red');
      expect(inputLight('plan', 100)).toBe('red');
    });

    it('reporting punctuality: from 90 % green, from 60 % amber, below red', () => {
      expect(inputLight('reporting', 100)).toBe('green');
      expect(inputLight('reporting', 90)).toBe('green');
      expect(inputLight('reporting', 89.9)).toBe('amber');
      expect(inputLight('reporting', 60)).toBe('amber');
      expect(inputLight('reporting', 59.9)).toBe('red');
      expect(inputLight('reporting', 0)).toBe('red');
    });

    it('publication score: from 60 green, from 40 amber, below red', () => {
      expect(inputLight('publication', 60)).toBe('green');
      expect(inputLight('publication', 59.9)).toBe('amber');
      expect(inputLight('publication', 40)).toBe('amber');
      expect(inputLight('publication', 39.9)).toBe('red');
    });

    it('keeps its thresholds in one table', () => {
      expect(TRAFFIC_LIGHT_THRESHOLDS).toEqual({
        plan: { green: 0, amber: 25, better: 'lower' },
        reporting: { green: 90, amber: 60, better: 'higher' },
        publication: { green: 60, amber: 40, better: 'higher' },
      });
    });
  });

  it('is green when every input is green, with no reason, as of the newest input', () => {
    const result = trafficLight(facts());
    expect(result.light).toBe('green');
    expect(result.reasons).toEqual([]);
    expect(result.asOf).toBe('2026-12-05');
    expect(result.inputs.map((i) => i.light)).toEqual(['green', 'green', 'green']);
  });

  it('is the worst input: one amber input makes it amber and says which', () => {
    const result = trafficLight(facts({ plan: { led: 4, late: 1, asOf: '2026-12-05', planCode: 'PANDO-2021' } }));
    expect(result.light).toBe('amber');
    expect(result.reasons).toEqual([{ input: 'plan', light: 'amber', value: 25, threshold: 0 }]);
  });

  it('is red when any input is red, the red reasons before the amber ones', () => {
    const result = trafficLight(
      facts({
        plan: { led: 4, late: 1, asOf: '2026-12-05', planCode: 'PANDO-2021' },
        reporting: { round: ROUND, owed: 3, onTime: 1, asOf: '2026-10-01T09:00:00.000Z' },
        publication: { mapped: true, score: 45, day: '2026-12-04', asOf: '2026-12-04T03:00:00.000Z' },
      }),
    );
    expect(result.light).toBe('red');
    expect(result.reasons).toEqual([
      { input: 'reporting', light: 'red', value: 33.3, threshold: 60 },
      { input: 'plan', light: 'amber', value: 25, threshold: 0 },
      { input: 'publication', light: 'amber', value: 45, threshold: 60 },
    ]);
  });

  it('says where each figure comes from and as of when', () => {
    const [plan, reporting, publication] = trafficLightInputs(
      facts({ plan: { led: 3, late: 1, asOf: '2026-12-05', planCode: 'PANDO-2021' } }),
    );
    expect(plan).toEqual({
      input: 'plan',
      light: 'red',
      value: 33.3,
      count: 1,
      of: 3,
      notMeasured: null,
      asOf: '2026-12-05',
      source: { kind: 'plan', planCode: 'PANDO-2021' },
    });
    expect(reporting).toEqual(
      expect.objectContaining({
        value: 100,
        count: 10,
        of: 10,
        asOf: '2026-10-01T09:00:00.000Z',
        source: { kind: 'round', roundId: 'r1', name: { fr: 'T3 2026' }, closesOn: '2026-09-30' },
      }),
    );
    expect(publication).toEqual(
      expect.objectContaining({
        value: 75,
        count: null,
        asOf: '2026-12-04T03:00:00.000Z',
        source: { kind: 'snapshot', day: '2026-12-04' },
      }),
    );
  });

  describe('an input that cannot be measured', () => {
    it('a plan input with no activity led (or only cancelled ones) is not measured', () => {
      const result = trafficLight(facts({ plan: { led: 0, late: 0, asOf: '2026-12-05', planCode: 'PANDO-2021' } }));
      expect(result.inputs[0]).toEqual(
        expect.objectContaining({ light: 'not_measured', value: null, notMeasured: 'leads_no_activity' }),
      );
      expect(result.light).toBe('green');
    });

    it('no closed round yet, or nothing owed in it: reporting is not measured', () => {
      expect(trafficLight(facts({ reporting: null })).inputs[1]).toEqual(
        expect.objectContaining({ light: 'not_measured', notMeasured: 'no_closed_round', source: null, asOf: null }),
      );
      const nothingOwed = trafficLight(
        facts({ reporting: { round: ROUND, owed: 0, onTime: 0, asOf: '2026-10-01T09:00:00.000Z' } }),
      );
      expect(nothingOwed.inputs[1]).toEqual(
        expect.objectContaining({ light: 'not_measured', notMeasured: 'owed_nothing', count: null, of: null }),
      );
      // The round it comes from is still said.
      expect(nothingOwed.inputs[1].source).toEqual(expect.objectContaining({ kind: 'round', roundId: 'r1' }));
    });

    it('no snapshot, no portal organisation or no dataset: publication is not measured', () => {
      expect(trafficLight(facts({ publication: null })).inputs[2].notMeasured).toBe('no_snapshot');
      const day = { day: '2026-12-04', asOf: '2026-12-04T03:00:00.000Z' };
      expect(trafficLight(facts({ publication: { mapped: false, score: null, ...day } })).inputs[2].notMeasured).toBe(
        'no_portal_org',
      );
      // A score without a portal organisation (an inventory alone) does not count either.
      expect(trafficLight(facts({ publication: { mapped: false, score: 80, ...day } })).inputs[2].notMeasured).toBe(
        'no_portal_org',
      );
      expect(trafficLight(facts({ publication: { mapped: true, score: null, ...day } })).inputs[2].notMeasured).toBe(
        'no_dataset',
      );
    });

    it('decides from the others: a red input still makes it red when the rest is unknown', () => {
      const result = trafficLight({
        plan: { led: 2, late: 2, asOf: '2026-12-05', planCode: 'PANDO-2021' },
        reporting: null,
        publication: { mapped: false, score: null, day: '2026-12-04', asOf: '2026-12-04T03:00:00.000Z' },
      });
      expect(result.light).toBe('red');
      expect(result.reasons).toEqual([{ input: 'plan', light: 'red', value: 100, threshold: 25 }]);
      // As of the measured input only.
      expect(result.asOf).toBe('2026-12-05');
    });

    it('is grey, "not measured", with no reason and no date when nothing is known', () => {
      const result = trafficLight({
        plan: { led: 0, late: 0, asOf: '2026-12-05', planCode: null },
        reporting: null,
        publication: null,
      });
      expect(result.light).toBe('grey');
      expect(result.reasons).toEqual([]);
      expect(result.asOf).toBeNull();
      expect(result.inputs.every((i) => i.light === 'not_measured')).toBe(true);
    });
  });

  it('rounds shares to one decimal before comparing', () => {
    // 2 of 3 on time is 66.7 %: amber, not red.
    const result = trafficLight(facts({ reporting: { round: ROUND, owed: 3, onTime: 2, asOf: '2026-10-01' } }));
    expect(result.inputs[1].value).toBe(66.7);
    expect(result.light).toBe('amber');
  });
});
