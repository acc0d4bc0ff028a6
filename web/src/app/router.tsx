// Routes of the web app. Staff areas are loaded on demand so the public pages stay light on a phone.
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Layout } from './layout.tsx';
import { FinderPage } from '../pages/public/finder-page.tsx';
import { OfficePage } from '../pages/public/office-page.tsx';
import { NotFoundPage, RouteErrorPage } from '../pages/public/not-found-page.tsx';

// The visit flow: kiosk, ticket page and display board are full-screen without the site frame (their own
// language choice covers seven languages); the officer's desk and the manager's day view are staff pages inside the frame.
const visitPages = {
  kiosk: async () => ({ Component: (await import('../pages/visits/kiosk-page.tsx')).KioskPage }),
  ticket: async () => ({ Component: (await import('../pages/visits/ticket-page.tsx')).TicketPage }),
  display: async () => ({ Component: (await import('../pages/visits/display-page.tsx')).DisplayPage }),
  desk: async () => ({ Component: (await import('../pages/visits/desk-page.tsx')).DeskPage }),
  day: async () => ({ Component: (await import('../pages/visits/day-page.tsx')).DayPage }),
  poster: async () => ({ Component: (await import('../pages/visits/poster-page.tsx')).PosterPage }),
  kioskDevices: async () => ({ Component: (await import('../pages/visits/kiosk-devices-page.tsx')).KioskDevicesPage }),
};

// Booking (issue 4): the visitor's pages have their own frame with the seven visitor languages; the staff
// pages sit inside the site frame.
const bookingPages = {
  book: async () => ({ Component: (await import('../pages/booking/booking-page.tsx')).BookingPage }),
  manage: async () => ({ Component: (await import('../pages/booking/manage-page.tsx')).ManagePage }),
  officeBookings: async () => ({ Component: (await import('../pages/booking-staff/bookings-page.tsx')).BookingsPage }),
  settings: async () => ({ Component: (await import('../pages/booking-staff/settings-page.tsx')).BookingSettingsPage }),
  mobileVisitors: async () => ({ Component: (await import('../pages/booking-staff/mobile-visitors-page.tsx')).MobileVisitorsPage }),
  videoMeetings: async () => ({ Component: (await import('../pages/booking-staff/video-meetings-page.tsx')).VideoMeetingsPage }),
  mobilePlanning: async () => ({ Component: (await import('../pages/booking-staff/mobile-planning-page.tsx')).MobilePlanningPage }),
};

// Mötesplats (issue 5): the household's itinerary is full-screen with the seven visitor languages; the
// coordinator's board, the agency officer's view, the lead-time report and the template editor are staff pages inside the site frame.
const motesplatsPages = {
  itinerary: async () => ({ Component: (await import('../pages/motesplats/itinerary-page.tsx')).ItineraryPage }),
  board: async () => ({ Component: (await import('../pages/motesplats/board-page.tsx')).BoardPage }),
  reception: async () => ({ Component: (await import('../pages/motesplats/reception-page.tsx')).ReceptionPage }),
  report: async () => ({ Component: (await import('../pages/motesplats/report-page.tsx')).ReportPage }),
  templates: async () => ({ Component: (await import('../pages/motesplats/templates-page.tsx')).TemplatesPage }),
  template: async () => ({ Component: (await import('../pages/motesplats/template-page.tsx')).TemplatePage }),
};

const router = createBrowserRouter([
  { path: 'boka', lazy: bookingPages.book, ErrorBoundary: RouteErrorPage },
  { path: 'kontor/:id/boka', lazy: bookingPages.book, ErrorBoundary: RouteErrorPage },
  { path: 'bokning/:code', lazy: bookingPages.manage, ErrorBoundary: RouteErrorPage },
  { path: 'kontor/:id/kiosk', lazy: visitPages.kiosk, ErrorBoundary: RouteErrorPage },
  { path: 'kontor/:id/skarm', lazy: visitPages.display, ErrorBoundary: RouteErrorPage },
  { path: 'kontor/:id/affisch', lazy: visitPages.poster, ErrorBoundary: RouteErrorPage },
  { path: 'biljett/:id', lazy: visitPages.ticket, ErrorBoundary: RouteErrorPage },
  { path: 'resplan/:token', lazy: motesplatsPages.itinerary, ErrorBoundary: RouteErrorPage },
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
          { path: 'kontor/:id/disk', lazy: visitPages.desk },
          { path: 'kontor/:id/dag', lazy: visitPages.day },
          { path: 'kontor/:id/kioskenheter', lazy: visitPages.kioskDevices },
          { path: 'kontor/:id/motesplats', lazy: motesplatsPages.board },
          { path: 'kontor/:id/motesplats/mottagning', lazy: motesplatsPages.reception },
          { path: 'kontor/:id/motesplats/ledtid', lazy: motesplatsPages.report },
          { path: 'kontor/:id/motesplats/mallar', lazy: motesplatsPages.templates },
          { path: 'kontor/:id/motesplats/mallar/:templateId', lazy: motesplatsPages.template },
          { path: 'kontor/:id/bokningar', lazy: bookingPages.officeBookings },
          { path: 'kontor/:id/bokningsinstallningar', lazy: bookingPages.settings },
          { path: 'kontor/:id/mobilbesok/:visitId', lazy: bookingPages.mobileVisitors },
          { path: 'kontor/:id/mobilplanering', lazy: bookingPages.mobilePlanning },
          { path: 'mina-videomoten', lazy: bookingPages.videoMeetings },
          // Coverage planning (issue 6): planners' staff page inside the site frame.
          { path: 'planering', lazy: async () => ({ Component: (await import('../pages/coverage/planning-page.tsx')).PlanningPage }) },
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
