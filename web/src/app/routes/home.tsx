// "/": the user's home (the tree for most roles, their own record for a member).
import { Navigate } from 'react-router';
import { homePath } from '@/lib/permissions';
import { useMe } from '@/lib/session';

export function Home() {
  return <Navigate to={homePath(useMe())} replace />;
}
