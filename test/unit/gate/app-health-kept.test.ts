import { APP_HEALTH_TTL_MS, keptHealth, keptHealthy } from '#domain/gate/app-health';

describe("a kept healthy answer about the app's own permissions", () => {
  const checked = new Date('2026-11-27T10:00:00.000Z');
  const at = (ms: number) => new Date(checked.getTime() + ms);

  it('is trusted for an hour, then asked again', () => {
    expect(keptHealthy(keptHealth(checked), checked)).toBe(true);
    expect(keptHealthy(keptHealth(checked), at(APP_HEALTH_TTL_MS - 1))).toBe(true);
    expect(keptHealthy(keptHealth(checked), at(APP_HEALTH_TTL_MS))).toBe(false);
  });

  it('is not trusted from the future (a clock that went back), nor when nothing or something else is stored', () => {
    expect(keptHealthy(keptHealth(checked), at(-1000))).toBe(false);
    expect(keptHealthy(undefined, checked)).toBe(false);
    expect(keptHealthy({ revision: 1, checkedAt: 'yesterday' }, checked)).toBe(false);
  });
});
