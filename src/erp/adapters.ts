import { LEMONSOFT_ERP_TYPE, openLemonsoftErp } from './lemonsoft/adapter.js';
import { LOCAL_ERP_TYPE, openLocalErp } from './local/adapter.js';
import { registerErp } from './registry.js';

/** The composition root for ERPs: every adapter the product ships is registered here. */
registerErp(LOCAL_ERP_TYPE, openLocalErp);
registerErp(LEMONSOFT_ERP_TYPE, openLemonsoftErp);
