/**
 * Build-time stand-in for `@atlaskit/feature-gate-js-client/feature-gates`.
 *
 * Atlaskit components ask Atlassian's Statsig feature-gate client for flags. Inside a Forge Custom UI
 * that client is never initialised (and Forge's CSP would block its network calls), so the real client
 * answers every question with the default: `checkGate` throws "not initialised" (which
 * @atlaskit/platform-feature-flags turns into false) and `getExperimentValue` returns its default.
 * This module gives the same answers without the ~120 KB of minified client code (@statsig/*).
 * test/unit/feature-gates-offline.test.ts checks the answers match the real, uninitialised client.
 */
const FeatureGates = {
  initializeCompleted: (): boolean => false,
  checkGate: (_gateName: string): boolean => false,
  getExperimentValue: <T>(_experimentName: string, _parameterName: string, defaultValue: T): T => defaultValue,
  getExperiment: (): undefined => undefined,
  hasCheckGateErrorOccurred: (): boolean => false,
  hasGetExperimentValueErrorOccurred: (): boolean => false,
  getDefaultPerimeter: (): null => null,
};

export default FeatureGates;
