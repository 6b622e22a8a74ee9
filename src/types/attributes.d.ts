/**
 * The HTML attributes of each PaperOS element, for framework typings
 * (properties such as `token`, `fetchToken` and `records` are set as properties).
 */
export interface PaperOSConnectionAttributes {
  'base-url'?: string;
  'org-id'?: string;
  'token-url'?: string;
}
export interface PaperOSWorkflowLauncherAttributes extends PaperOSConnectionAttributes {
  templates?: string;
  'auto-submit'?: boolean;
}
export interface PaperOSDocumentListAttributes extends PaperOSConnectionAttributes {
  email?: string;
  sort?: 'folder' | 'name';
}
export interface PaperOSRecordListAttributes extends PaperOSConnectionAttributes {
  type?: string;
  limit?: number;
  editable?: boolean;
  creatable?: boolean;
  'workflow-role'?: string;
}
export interface PaperOSElementAttributes {
  'paperos-provider': PaperOSConnectionAttributes;
  'paperos-workflow-launcher': PaperOSWorkflowLauncherAttributes;
  'paperos-document-list': PaperOSDocumentListAttributes;
  'paperos-record-list': PaperOSRecordListAttributes;
}
