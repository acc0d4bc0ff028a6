// Routes of the web app. Staff areas are loaded on demand so the public pages stay light on a phone.
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Layout } from './layout.tsx';
import { FinderPage } from '../pages/public/finder-page.tsx';
import { OfficePage } from '../pages/public/office-page.tsx';
import { NotFoundPage, RouteErrorPage } from '../pages/public/not-found-page.tsx';

const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    children: [
      {
        // Pathless route: a crash in one page shows an error inside the layout, keeping header and language.
        ErrorBoundary: RouteErrorPage,
        children: [
          { index: true, Component: FinderPage },
          { path: 'kontor/:id', Component: OfficePage },
          {
            path: 'logga-in',
            lazy: async () => ({ Component: (await import('../pages/admin/login-page.tsx')).LoginPage }),
          },
          {
            path: 'admin/*',
            lazy: async () => ({ Component: (await import('../pages/admin/admin-area.tsx')).AdminArea }),
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
