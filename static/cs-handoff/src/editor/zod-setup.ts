/**
 * Must be imported before any zod schema is built. zod 4 probes `new Function` to compile fast parsers;
 * Forge's CSP (script-src 'self', no 'unsafe-eval') reports that probe as a violation. Jitless parsing is
 * plenty fast for one form.
 */
import { z } from 'zod';

z.config({ jitless: true });
