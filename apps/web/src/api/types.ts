/** Aliases of the generated API types (libs/sdk/src/generated/schema.ts): nothing here is hand-written. */
import type { paths, Schemas } from '@poa/sdk';

export type CaseListQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;
export type CasePage = Schemas['CasePageDto_Output'];
export type CaseSummary = CasePage['data'][number];
export type CaseDetail = Schemas['CaseDto_Output'];
export type CreateCaseBody = Schemas['CreateCaseDto'];
export type UpdateCaseBody = Schemas['UpdateCaseDto'];
export type TransitionBody = Schemas['TransitionDto'];
export type Client = Schemas['ClientDto_Output'];
export type ClientPage = Schemas['ClientPageDto_Output'];
export type CreateClientBody = Schemas['CreateClientDto'];
export type Contact = Schemas['ContactDto_Output'];
export type Draft = Schemas['DraftDto_Output'];
export type DraftSummary = Schemas['DraftListDto_Output']['data'][number];
export type DraftDiff = Schemas['DraftDiffDto_Output'];
export type CreateDraftBody = Schemas['CreateDraftDto'];
export type Comment = Schemas['CommentPageDto_Output']['data'][number];
export type CreateCommentBody = Schemas['CreateCommentDto'];
export type CaseEvent = Schemas['CaseEventPageDto_Output']['data'][number];
export type User = Schemas['UserPageDto_Output']['data'][number];
export type SubmissionSettings = Schemas['SubmissionSettingsDto_Output'];
export type SubmissionLimits = SubmissionSettings['limits'];
export type SubmissionRecord = Schemas['SubmissionListDto_Output']['data'][number];
export type PdfVariant = NonNullable<NonNullable<paths['/api/v1/cases/{id}/pdf']['get']['parameters']['query']>['variant']>;
