import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { of, Subject } from 'rxjs';
import { ApiError } from './api-error';
import { apiResource } from './api-resource';

describe('apiResource', () => {
  // The resource subscribes from an effect and settles in microtasks: let both run.
  const settle = async () => {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };

  it('gives null, then the value, with loading in between', async () => {
    const answer = new Subject<string>();
    const res = TestBed.runInInjectionContext(() => apiResource({ stream: () => answer }));
    await settle();
    expect(res.value()).toBeNull();
    expect(res.loading()).toBe(true);
    answer.next('ok');
    await settle();
    expect(res.value()).toBe('ok');
    expect(res.loading()).toBe(false);
    expect(res.error()).toBeNull();
  });

  it('keeps an ApiError as it is and turns anything else into one; the value is null, never a throw', async () => {
    const answer = new Subject<string>();
    const res = TestBed.runInInjectionContext(() => apiResource({ stream: () => answer }));
    await settle();
    const failure = new ApiError(404, 'NOT_FOUND', 'Introuvable');
    answer.error(failure);
    await settle();
    expect(res.error()).toBe(failure);
    expect(res.value()).toBeNull();

    const other = new Subject<string>();
    const second = TestBed.runInInjectionContext(() => apiResource({ stream: () => other }));
    await settle();
    other.error(new Error('boom'));
    await settle();
    expect(second.error()).toMatchObject({ code: 'INTERNAL_ERROR', message: 'boom' });
  });

  it('runs again when the params change, not while they are undefined, and on reload', async () => {
    const id = signal<string | undefined>(undefined);
    const calls: string[] = [];
    const res = TestBed.runInInjectionContext(() =>
      apiResource({
        params: () => id(),
        stream: ({ params }) => {
          calls.push(params);
          return of(`v-${params}`);
        },
      }),
    );
    await settle();
    expect(calls).toEqual([]);
    id.set('a');
    await settle();
    res.reload();
    await settle();
    expect(calls).toEqual(['a', 'a']);
    expect(res.value()).toBe('v-a');
  });

  it('shows a value set by the page', () => {
    const res = TestBed.runInInjectionContext(() => apiResource({ stream: () => new Subject<number>() }));
    res.set(3);
    expect(res.value()).toBe(3);
  });
});
