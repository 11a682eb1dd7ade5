/** Made by build-support/static-theme.ts through the vite config's `staticTheme` plugin. */
declare module 'virtual:cs-theme' {
  /** Relative URLs of the token stylesheets: `base` for every page, one per colour mode, and motion. */
  export const themeUrls: Record<'base' | 'motion' | 'light' | 'dark', string>;
  /** The `data-theme` attribute `setGlobalTheme` would write. */
  export const themeAttribute: string;
}
