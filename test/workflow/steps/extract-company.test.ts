import { describe, expect, it } from 'vitest';
import { extractCompany } from '../../../src/workflow/steps/extract-company.js';
import { contextWith, environment } from '../../support/runner.js';
import { seededErp } from '../../support/seller.js';

describe('extract_company step', () => {
  it('reads the business id and company name from the asker’s words and the domain from the sender', async () => {
    const erp = await seededErp();
    const context = contextWith({
      askerText: 'Kupariputki 15x1,0 kova 10 m\nTerveisin\nMatti\nPutki Oy, Y-tunnus 1572860-0',
      signature: 'Terveisin\nMatti\nPutki Oy, Y-tunnus 1572860-0',
      requester: { address: 'matti@putki.fi', name: '' },
    });
    const output = await extractCompany.run(context, environment(erp));
    await erp.close();

    expect(output.patch?.company).toEqual({
      businessIds: ['1572860-0'],
      companyNames: ['Putki Oy'],
      signatureNames: ['Terveisin', 'Matti'],
      senderAddress: 'matti@putki.fi',
      senderDomain: 'putki.fi',
    });
  });
});
