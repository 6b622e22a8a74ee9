// Type fixture for src/types/react-jsx.d.ts (checked by jsx-types.node.test.ts):
// the elements used directly in React 19 JSX, with checked attributes.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the opt-in users write
/// <reference path="../../../src/types/react-jsx.d.ts" />
import type { PaperOSRecordList } from '../../../src/index.js';

export const page = (
  <paperos-provider base-url="https://app.paperos.com" org-id="org_1" token-url="/paperos/token">
    <paperos-workflow-launcher templates="flow_a,flow_b" auto-submit />
    <paperos-document-list email="ada@example.com" sort="name" />
    <paperos-record-list
      type="company"
      limit={5}
      editable
      className="records"
      ref={(el: PaperOSRecordList | null) => void el?.limit}
    />
  </paperos-provider>
);

// @ts-expect-error `limit` is a number
export const badLimit = <paperos-record-list limit={{ max: 5 }} />;

// @ts-expect-error `sort` is "folder" or "name"
export const badSort = <paperos-document-list sort="size" />;

// @ts-expect-error `templates` belongs to the launcher, not the record list
export const wrongElement = <paperos-record-list templates="flow_a" />;

// @ts-expect-error a misspelt attribute (names with a dash are never checked by TypeScript)
export const typo = <paperos-document-list emial="ada@example.com" />;
