import { Layout } from './Layout.tsx';
import { RouteError } from './RouteError.tsx';

/** An error above the pages (an unknown language prefix, say): the same message, inside the shell. */
export function RootError() {
  return (
    <Layout>
      <RouteError />
    </Layout>
  );
}
