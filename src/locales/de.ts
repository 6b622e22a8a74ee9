
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'seb2b432e9b648f93': `Your PaperOS session has expired or could not be started. Sign in again, then retry.`,
's635fd9c144158b65': `You do not have access to this organization in PaperOS.`,
's3e08082fcc2f5da6': `This PaperOS feature needs an upgraded account.`,
'seefd221f4b138430': `PaperOS could not find what was asked for.`,
's1d51a9e8c3b2a437': str`PaperOS is busy. Try again in ${0} seconds.`,
'sa15a076ee5df8315': `PaperOS is busy. Try again in a moment.`,
's0e8d917db4479be6': `PaperOS could not be reached. Check the connection, then retry.`,
'sf8173b65ea660b2d': `PaperOS took too long to answer. Retry in a moment.`,
's03c9768bba762969': `PaperOS sent an answer this page could not read.`,
's061ff1f12d1a697c': `PaperOS could not accept this request.`,
's6538f7fdda393dc4': `PaperOS had a problem. Retry in a moment.`,
's1fb2c8ffd92d7d78': `Something went wrong with PaperOS.`,
's79cd3e03044d04cf': `No organization is set: give the element an org-id, or use a token that carries an org_id claim.`,
's6ebc9bd6feae62a3': `Loading…`,
's2c8189544e3ea679': `Retry`,
's5e144e1eb2cec69a': `Something went wrong while showing this data.`,
    };
  