// The document register's reads and writes: the lists (GET /documents), a document, the catalog
// of types and marks, the number a new outgoing document will get, and the writes (issue,
// register an incoming one, edit, withdraw, pass down, attach). Creating writes carry an
// Idempotency-Key, as every creating form does.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type {
  DocumentAttachment,
  DocumentCatalog,
  DocumentCreateInput,
  DocumentForwardsInput,
  DocumentIssuers,
  DocumentUpdateInput,
  DocumentWithdrawInput,
  IncomingDocumentCreateInput,
  NextDocumentNumber,
  PartyDocument,
  PartyDocumentPage,
} from '@/types';
import {
  documentListQuery,
  type DocumentListParams,
  type RegisterDirection,
} from '../lib/document-params';
import { attachmentType, nextNumberRequest, type OutgoingValues } from '../lib/documents';

export const documentKeys = {
  all: ['documents'] as const,
  list: (direction: RegisterDirection, params: DocumentListParams) =>
    ['documents', 'list', direction, params] as const,
  detail: (id: number) => ['documents', 'detail', id] as const,
  nextNumber: (request: unknown) => ['documents', 'next-number', request] as const,
};

export const documentsQuery = (direction: RegisterDirection, params: DocumentListParams) =>
  queryOptions({
    queryKey: documentKeys.list(direction, params),
    queryFn: ({ signal }) =>
      api<PartyDocumentPage>('/documents', {
        params: documentListQuery(direction, params),
        signal,
      }),
    staleTime: 5_000,
  });

/** One page of a register; the previous page stays on screen while the next one loads. */
export function useDocuments(direction: RegisterDirection, params: DocumentListParams) {
  return useQuery({ ...documentsQuery(direction, params), placeholderData: keepPreviousData });
}

export const documentQuery = (id: number) =>
  queryOptions({
    queryKey: documentKeys.detail(id),
    queryFn: ({ signal }) => api<PartyDocument>(`/documents/${id}`, { signal }),
  });

export function useDocument(id: number) {
  return useQuery(documentQuery(id));
}

export const documentCatalogQuery = () =>
  queryOptions({
    queryKey: ['documents', 'catalog'] as const,
    queryFn: ({ signal }) => api<DocumentCatalog>('/documents/catalog', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });

export function useDocumentCatalog() {
  return useQuery(documentCatalogQuery());
}

/** The issuing bodies of an organization and their abbreviations (own or the kind's). */
export function useDocumentIssuers(org: number | undefined) {
  return useQuery({
    queryKey: ['documents', 'issuers', org] as const,
    queryFn: ({ signal }) => api<DocumentIssuers>(`/orgs/${org}/document-issuers`, { signal }),
    enabled: !!org,
    staleTime: 60_000,
  });
}

/**
 * The number and symbol a new outgoing document would get now (a preview: not reserved), asked
 * again whenever the organization, issuing body, type or date changes. A refusal (a date
 * outside the term, a type the body does not issue) is the query's error.
 */
export function useNextNumber(
  values: Pick<OutgoingValues, 'org_id' | 'issuing_body' | 'type' | 'issued_on'>,
  catalog: DocumentCatalog | undefined,
) {
  const request = nextNumberRequest(values, catalog);
  return useQuery({
    queryKey: documentKeys.nextNumber(request),
    queryFn: ({ signal }) =>
      api<NextDocumentNumber>('/documents/next-number', { params: request, signal }),
    enabled: !!request,
    retry: false,
    // Others issue documents too: the preview is asked again rather than kept.
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}

function useRegisterChanged() {
  const client = useQueryClient();
  return (doc?: PartyDocument) => {
    if (doc) client.setQueryData(documentKeys.detail(doc.id), doc);
    void client.invalidateQueries({ queryKey: ['documents', 'list'] });
    void client.invalidateQueries({ queryKey: ['documents', 'next-number'] });
  };
}

/** POST /documents: the number is given in the write; the document comes back. */
export function useCreateOutgoing() {
  const changed = useRegisterChanged();
  return useMutation({
    mutationFn: (input: DocumentCreateInput) =>
      api<PartyDocument>('/documents', { method: 'POST', body: input, idempotent: true }),
    onSuccess: changed,
  });
}

/** POST /documents/incoming. */
export function useCreateIncoming() {
  const changed = useRegisterChanged();
  return useMutation({
    mutationFn: (input: IncomingDocumentCreateInput) =>
      api<PartyDocument>('/documents/incoming', { method: 'POST', body: input, idempotent: true }),
    onSuccess: changed,
  });
}

/** PATCH /documents/{id} with the version edited (409 version_conflict when stale). */
export function useUpdateDocument(id: number) {
  const changed = useRegisterChanged();
  return useMutation({
    mutationFn: (input: DocumentUpdateInput) =>
      api<PartyDocument>(`/documents/${id}`, { method: 'PATCH', body: input }),
    onSuccess: changed,
  });
}

export function useWithdrawDocument(id: number) {
  const changed = useRegisterChanged();
  return useMutation({
    mutationFn: (input: DocumentWithdrawInput) =>
      api<PartyDocument>(`/documents/${id}/withdraw`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: changed,
  });
}

export function useForwardDocument(id: number) {
  const changed = useRegisterChanged();
  return useMutation({
    mutationFn: (input: DocumentForwardsInput) =>
      api<PartyDocument>(`/documents/${id}/forwards`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: changed,
  });
}

/**
 * POST /documents/{id}/attachments: the file as the raw body, its name in ?name= (the server
 * checks the type by content and the size against its limit).
 */
export function useAttach(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api<DocumentAttachment>(`/documents/${id}/attachments`, {
        method: 'POST',
        params: { name: file.name },
        body: file.type ? file : new Blob([file], { type: attachmentType(file.name) }),
        idempotent: true,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: documentKeys.detail(id) });
      void client.invalidateQueries({ queryKey: ['documents', 'list'] });
    },
  });
}

export function useRemoveAttachment(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (aid: number) =>
      api<unknown>(`/documents/${id}/attachments/${aid}/remove`, {
        method: 'POST',
        body: {},
        idempotent: true,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: documentKeys.detail(id) });
      void client.invalidateQueries({ queryKey: ['documents', 'list'] });
    },
  });
}

/** Links the browser follows itself (downloads and the print view carry the session cookie). */
export const documentLinks = {
  docx: (id: number) => `/api/v1/documents/${id}/docx`,
  print: (id: number) => `/api/v1/documents/${id}/print`,
  attachment: (id: number, aid: number) => `/api/v1/documents/${id}/attachments/${aid}`,
};
