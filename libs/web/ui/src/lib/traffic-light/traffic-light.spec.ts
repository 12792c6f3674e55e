import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { TrafficLightBadge, thresholdBounds } from './traffic-light';
import { HCP_TRAFFIC_LIGHT } from './traffic-light.fixtures';

describe('TrafficLightBadge', () => {
  function render(value: unknown, detailed: boolean): HTMLElement {
    TestBed.configureTestingModule({ imports: [TrafficLightBadge], providers: [provideTranslateService()] });
    const fixture = TestBed.createComponent(TrafficLightBadge);
    fixture.componentRef.setInput('value', value);
    fixture.componentRef.setInput('detailed', detailed);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('says the light in words beside the dot, never by colour alone', () => {
    const el = render({ light: 'grey', reasons: [], asOf: null }, false);
    const light = el.querySelector('[data-traffic-light]') as HTMLElement;
    expect(light.getAttribute('data-traffic-light')).toBe('grey');
    expect(light.querySelector('.msd-tl__dot')?.getAttribute('aria-hidden')).toBe('true');
    expect(light.querySelector('.msd-tl__label')?.textContent?.trim()).toBe('trafficLight.lights.grey');
    expect(el.querySelector('[data-traffic-reasons]')).toBeNull();
  });

  it('in full: why, and each input with its figure, where it comes from and as of when', () => {
    const el = render(HCP_TRAFFIC_LIGHT, true);
    expect(el.querySelector('[data-traffic-light]')?.getAttribute('data-traffic-light')).toBe('red');
    expect(el.querySelector('[data-traffic-reasons]')?.textContent).toContain('trafficLight.reason.reporting');
    const inputs = [...el.querySelectorAll('[data-traffic-input]')];
    expect(inputs.map((i) => [i.getAttribute('data-traffic-input'), i.getAttribute('data-input-light')])).toEqual([
      ['plan', 'amber'],
      ['reporting', 'red'],
      ['publication', 'not_measured'],
    ]);
    expect(inputs[0].querySelector('[data-traffic-source]')?.textContent).toContain('trafficLight.source.plan');
    // The round's name (often Latin in an Arabic page) is isolated.
    expect(inputs[1].querySelector('[data-traffic-source] bdi')?.textContent).toBe('Q3 2026 review');
    expect(inputs[2].textContent).toContain('trafficLight.notMeasured.no_dataset');
    expect(inputs[2].querySelector('[data-traffic-source]')?.textContent).toContain('trafficLight.source.snapshot');
  });

  it("writes each threshold as a bound, the plan's lateness the other way round", () => {
    expect(thresholdBounds('plan')).toEqual({
      green: { op: '≤', value: 0 },
      amber: { op: '≤', value: 25 },
      red: { op: '>', value: 25 },
    });
    expect(thresholdBounds('reporting')).toEqual({
      green: { op: '≥', value: 90 },
      amber: { op: '≥', value: 60 },
      red: { op: '<', value: 60 },
    });
  });
});
