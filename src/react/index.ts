/**
 * `@paperos/elements/react`: React components for the elements, made with
 * `@lit/react`: typed props (properties such as `token`, `fetchToken` and
 * `records` are set as properties, never attributes) and event callbacks.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { PaperOSProvider as ProviderElement } from '../elements/provider/define.js';
import { PaperOSWorkflowLauncher as LauncherElement } from '../elements/workflow-launcher/define.js';
import { PaperOSDocumentList as DocumentListElement } from '../elements/document-list/define.js';
import { PaperOSRecordList as RecordListElement } from '../elements/record-list/define.js';
import type { PaperOSErrorEvent, PaperOSLoadEvent } from '../elements/base/events.js';
import type { PaperOSWorkflowStartEvent, PaperOSWorkflowStartedEvent } from '../elements/workflow-launcher/events.js';
import type { PaperOSDocumentOpenEvent, PaperOSSignEvent } from '../elements/document-list/events.js';
import type {
  PaperOSRecordCreateEvent,
  PaperOSRecordSaveEvent,
  PaperOSRecordSelectEvent,
} from '../elements/record-list/events.js';

const common = {
  onLoad: 'paperos-load' as EventName<PaperOSLoadEvent>,
  onError: 'paperos-error' as EventName<PaperOSErrorEvent>,
};

export const PaperOSProvider = createComponent({
  tagName: 'paperos-provider',
  elementClass: ProviderElement,
  react: React,
});

export const PaperOSWorkflowLauncher = createComponent({
  tagName: 'paperos-workflow-launcher',
  elementClass: LauncherElement,
  react: React,
  events: {
    ...common,
    onWorkflowStart: 'paperos-workflow-start' as EventName<PaperOSWorkflowStartEvent>,
    onWorkflowStarted: 'paperos-workflow-started' as EventName<PaperOSWorkflowStartedEvent>,
  },
});

export const PaperOSDocumentList = createComponent({
  tagName: 'paperos-document-list',
  elementClass: DocumentListElement,
  react: React,
  events: {
    ...common,
    onDocumentOpen: 'paperos-document-open' as EventName<PaperOSDocumentOpenEvent>,
    onSign: 'paperos-sign' as EventName<PaperOSSignEvent>,
  },
});

export const PaperOSRecordList = createComponent({
  tagName: 'paperos-record-list',
  elementClass: RecordListElement,
  react: React,
  events: {
    ...common,
    onRecordSelect: 'paperos-record-select' as EventName<PaperOSRecordSelectEvent>,
    onRecordSave: 'paperos-record-save' as EventName<PaperOSRecordSaveEvent>,
    onRecordCreate: 'paperos-record-create' as EventName<PaperOSRecordCreateEvent>,
  },
});
