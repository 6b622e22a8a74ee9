/**
 * `@paperos/elements/sandbox`: a local PaperOS API emulator (Node only), for
 * development, demos and tests with no account and no network.
 */
export { createSandboxApp, type SandboxApp, type SandboxOptions } from './app.js';
export { startSandbox, type RunningSandbox, type StartSandboxOptions } from './server.js';
export { parseFaults, type FaultRule } from './faults.js';
export {
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  DEMO_EMAIL,
  DEMO_EXTERNAL_ID,
  DEMO_ORG_ID,
  DEMO_SUBJECT,
  LARGE_ORG_ID,
  OTHER_ORG_ID,
  RECORD_TYPES,
  generateDocuments,
  type SandboxState,
  type SandboxDocument,
  type SandboxRecipient,
  type SandboxRecord,
} from './seed.js';
