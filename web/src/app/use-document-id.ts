import { useParams } from 'react-router';

/** The document id of /documents/:documentId, or undefined when it is not a positive integer. */
export function useDocumentId(): number | undefined {
  const { documentId } = useParams();
  const id = Number(documentId);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}
