import { fileURLToPath } from 'node:url';

/** The installed package's own folder (this file is at dist/cli/), where demo data and examples ship. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
