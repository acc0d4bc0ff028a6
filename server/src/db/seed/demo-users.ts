// Demo staff accounts, one per role (agency officers for two agencies), scoped to Växjö, an agency or
// Kronoberg where the role needs it.
import type { Db } from '../client.ts';
import type { RoleName } from '../../modules/auth/policy.ts';
import { hashPassword } from '../../lib/password.ts';
import { userRoles, users } from '../schema.ts';
import { stableUuid } from './catalogue.ts';

export const DEMO_PASSWORD = 'demo-password';

export interface DemoLogin {
  username: string;
  displayName: string;
  role: RoleName;
  password: string;
  /** One line for the start-up banner. */
  description: string;
  /** Scope: office by name, agency by code, county by SCB code. */
  officeName: string | null;
  agencyCode: string | null;
  countyCode: string | null;
}

const VAXJO = 'Servicekontor Växjö';
const login = (username: string, displayName: string, role: RoleName, description: string,
  scope: { officeName?: string; agencyCode?: string; countyCode?: string } = {}): DemoLogin => ({
  username, displayName, role, description, password: DEMO_PASSWORD,
  officeName: scope.officeName ?? null, agencyCode: scope.agencyCode ?? null, countyCode: scope.countyCode ?? null,
});

export const DEMO_LOGINS: DemoLogin[] = [
  login('admin', 'Demo Administratör', 'admin', 'administratör, hela systemet (admin)'),
  login('chef.vaxjo', 'Demo Kontorschef Växjö', 'office_manager', 'kontorschef, Servicekontor Växjö (office_manager)', { officeName: VAXJO }),
  login('handlaggare.vaxjo', 'Demo Servicehandläggare Växjö', 'service_officer', 'servicehandläggare, Servicekontor Växjö (service_officer)', { officeName: VAXJO }),
  login('fk.vaxjo', 'Demo Handläggare Försäkringskassan', 'agency_officer', 'handläggare, Försäkringskassan (agency_officer)', { agencyCode: 'FK' }),
  // A second agency, so a transfer from Försäkringskassan has someone at Skatteverket to read its note.
  login('skv.vaxjo', 'Demo Handläggare Skatteverket', 'agency_officer', 'handläggare, Skatteverket (agency_officer)', { agencyCode: 'SKV' }),
  // Officers who take video meetings from the offices' video rooms (booking, seed 003): with fk.vaxjo and
  // skv.vaxjo, two for Försäkringskassan and one for Pensionsmyndigheten.
  login('fk.video', 'Demo Videohandläggare Försäkringskassan', 'agency_officer', 'videohandläggare, Försäkringskassan (agency_officer)', { agencyCode: 'FK' }),
  login('pm.video', 'Demo Videohandläggare Pensionsmyndigheten', 'agency_officer', 'videohandläggare, Pensionsmyndigheten (agency_officer)', { agencyCode: 'PM' }),
  // The rest of the Mötesplats Växjö team (seed 000): Migrationsverket, Arbetsförmedlingen and Växjö
  // kommun sit with Skatteverket, Försäkringskassan and Pensionsmyndigheten.
  login('mv.vaxjo', 'Demo Handläggare Migrationsverket', 'agency_officer', 'handläggare, Migrationsverket (agency_officer)', { agencyCode: 'MV' }),
  login('af.vaxjo', 'Demo Handläggare Arbetsförmedlingen', 'agency_officer', 'handläggare, Arbetsförmedlingen (agency_officer)', { agencyCode: 'AF' }),
  login('kommun.vaxjo', 'Demo Handläggare Växjö kommun', 'agency_officer', 'handläggare, Växjö kommun (agency_officer)', { agencyCode: 'K0780' }),
  login('samordnare.vaxjo', 'Demo Samordnare Mötesplats Växjö', 'coordinator', 'samordnare, Mötesplats Växjö (coordinator)', { officeName: VAXJO }),
  login('planerare', 'Demo Planerare (hela landet)', 'planner', 'planerare, hela landet (planner)'),
  login('planerare.kronoberg', 'Demo Planerare Kronoberg', 'planner', 'planerare, Kronobergs län (planner)', { countyCode: '07' }),
];

/** Creates the demo accounts; needs the demo network (Växjö office, FK) seeded first. */
export async function seedDemoUsers(db: Db): Promise<void> {
  // scrypt is deliberately slow and every test suite seeds, so the shared, published demo password is
  // hashed once. A password set later through the API gets its own salt as usual.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userId = (l: DemoLogin) => stableUuid(`user:${l.username}`);
  await db.insert(users).values(DEMO_LOGINS.map((l) => ({
    id: userId(l), username: l.username, displayName: l.displayName, passwordHash,
  })));
  await db.insert(userRoles).values(DEMO_LOGINS.map((l) => ({
    id: stableUuid(`user-role:${l.username}:${l.role}`), userId: userId(l), role: l.role,
    officeId: l.officeName ? stableUuid(`office:${l.officeName}`) : null,
    agencyId: l.agencyCode ? stableUuid(`agency:${l.agencyCode}`) : null,
    countyCode: l.countyCode,
  })));
}
