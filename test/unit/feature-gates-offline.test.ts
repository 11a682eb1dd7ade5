/**
 * The UI build replaces Atlaskit's feature-gate client with build-support/feature-gates-offline.ts.
 * That is only sound while the stand-in answers exactly as the real client does before it is
 * initialised, which is the only state it is ever in inside a Forge Custom UI.
 */
import RealFeatureGates from '@atlaskit/feature-gate-js-client/feature-gates';
import OfflineFeatureGates from '../../static/cs-handoff/build-support/feature-gates-offline';

/** What @atlaskit/platform-feature-flags makes of a checkGate call: a throw counts as false. */
function gateAsSeenByAtlaskit(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

describe('offline feature gates', () => {
  beforeAll(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('answers like the real, uninitialised client', () => {
    expect(OfflineFeatureGates.initializeCompleted()).toBe(RealFeatureGates.initializeCompleted());
    for (const gate of ['platform_editor_adf_validator_empty_marks', 'platform-visual-refresh-icons', 'anything']) {
      expect(gateAsSeenByAtlaskit(() => OfflineFeatureGates.checkGate(gate))).toBe(gateAsSeenByAtlaskit(() => RealFeatureGates.checkGate(gate)));
    }
    for (const fallback of [false, true, 'control', 7]) {
      expect(OfflineFeatureGates.getExperimentValue('some_experiment', 'isEnabled', fallback)).toBe(RealFeatureGates.getExperimentValue('some_experiment', 'isEnabled', fallback));
    }
  });
});
