import { useParams } from 'react-router';

/** The :memberId route parameter as a positive integer, else undefined. */
export function useMemberId(): number | undefined {
  const id = Number(useParams().memberId);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}
