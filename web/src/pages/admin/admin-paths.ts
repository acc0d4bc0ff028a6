// URLs of the admin pages, in one place so links and the nested routes in admin-area.tsx agree.
export const ADMIN_PATHS = {
  home: '/admin',
  login: '/logga-in',
  offices: '/admin/kontor',
  newOffice: '/admin/kontor/nytt',
  office: (id: string) => `/admin/kontor/${id}`,
  services: '/admin/tjanster',
  newService: '/admin/tjanster/ny',
  service: (id: string) => `/admin/tjanster/${id}`,
  agencies: '/admin/myndigheter',
  rules: '/admin/regelkontroll',
  users: '/admin/anvandare',
  privacy: '/admin/dataskydd',
} as const;
