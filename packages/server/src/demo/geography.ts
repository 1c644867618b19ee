/**
 * Real cities with their coordinates, grouped by country and sales region, and the local
 * trimmings of a company name (legal form, country label, web domain). Demo data only.
 */

export const REGIONS = ['EMEA', 'NA', 'APAC', 'LATAM'] as const;
export type DemoRegion = (typeof REGIONS)[number];

export interface City {
  city: string;
  country: string;
  lat: number;
  lng: number;
}

export interface Country {
  code: string;
  region: DemoRegion;
  /** How a subsidiary is named in that country, e.g. "Deutschland". */
  label: string;
  legalForm: string;
  /** Top-level domain of a subsidiary's website, e.g. `de`, `co.uk`. */
  tld: string;
  currency: string;
  cities: readonly City[];
}

const c = (city: string, country: string, lat: number, lng: number): City => ({
  city,
  country,
  lat,
  lng,
});

export const COUNTRIES: readonly Country[] = [
  // EMEA
  {
    code: 'DE',
    region: 'EMEA',
    label: 'Deutschland',
    legalForm: 'GmbH',
    tld: 'de',
    currency: 'EUR',
    cities: [
      c('Berlin', 'DE', 52.52, 13.405),
      c('Munich', 'DE', 48.1351, 11.582),
      c('Hamburg', 'DE', 53.5511, 9.9937),
      c('Frankfurt', 'DE', 50.1109, 8.6821),
    ],
  },
  {
    code: 'FR',
    region: 'EMEA',
    label: 'France',
    legalForm: 'SAS',
    tld: 'fr',
    currency: 'EUR',
    cities: [c('Paris', 'FR', 48.8566, 2.3522), c('Lyon', 'FR', 45.764, 4.8357)],
  },
  {
    code: 'GB',
    region: 'EMEA',
    label: 'UK',
    legalForm: 'Ltd',
    tld: 'co.uk',
    currency: 'GBP',
    cities: [c('London', 'GB', 51.5074, -0.1278), c('Manchester', 'GB', 53.4808, -2.2426)],
  },
  {
    code: 'NL',
    region: 'EMEA',
    label: 'Nederland',
    legalForm: 'B.V.',
    tld: 'nl',
    currency: 'EUR',
    cities: [c('Amsterdam', 'NL', 52.3676, 4.9041), c('Rotterdam', 'NL', 51.9244, 4.4777)],
  },
  {
    code: 'ES',
    region: 'EMEA',
    label: 'España',
    legalForm: 'S.L.',
    tld: 'es',
    currency: 'EUR',
    cities: [c('Madrid', 'ES', 40.4168, -3.7038), c('Barcelona', 'ES', 41.3874, 2.1686)],
  },
  {
    code: 'IT',
    region: 'EMEA',
    label: 'Italia',
    legalForm: 'S.r.l.',
    tld: 'it',
    currency: 'EUR',
    cities: [c('Milan', 'IT', 45.4642, 9.19), c('Rome', 'IT', 41.9028, 12.4964)],
  },
  {
    code: 'SE',
    region: 'EMEA',
    label: 'Sverige',
    legalForm: 'AB',
    tld: 'se',
    currency: 'SEK',
    cities: [c('Stockholm', 'SE', 59.3293, 18.0686)],
  },
  {
    code: 'CH',
    region: 'EMEA',
    label: 'Schweiz',
    legalForm: 'AG',
    tld: 'ch',
    currency: 'CHF',
    cities: [c('Zurich', 'CH', 47.3769, 8.5417)],
  },
  {
    code: 'AT',
    region: 'EMEA',
    label: 'Österreich',
    legalForm: 'GmbH',
    tld: 'at',
    currency: 'EUR',
    cities: [c('Vienna', 'AT', 48.2082, 16.3738)],
  },
  {
    code: 'PL',
    region: 'EMEA',
    label: 'Polska',
    legalForm: 'Sp. z o.o.',
    tld: 'pl',
    currency: 'PLN',
    cities: [c('Warsaw', 'PL', 52.2297, 21.0122)],
  },
  {
    code: 'IE',
    region: 'EMEA',
    label: 'Ireland',
    legalForm: 'Ltd',
    tld: 'ie',
    currency: 'EUR',
    cities: [c('Dublin', 'IE', 53.3498, -6.2603)],
  },
  {
    code: 'DK',
    region: 'EMEA',
    label: 'Danmark',
    legalForm: 'A/S',
    tld: 'dk',
    currency: 'DKK',
    cities: [c('Copenhagen', 'DK', 55.6761, 12.5683)],
  },
  {
    code: 'BE',
    region: 'EMEA',
    label: 'Belgium',
    legalForm: 'NV',
    tld: 'be',
    currency: 'EUR',
    cities: [c('Brussels', 'BE', 50.8503, 4.3517)],
  },
  {
    code: 'PT',
    region: 'EMEA',
    label: 'Portugal',
    legalForm: 'Lda.',
    tld: 'pt',
    currency: 'EUR',
    cities: [c('Lisbon', 'PT', 38.7223, -9.1393)],
  },
  {
    code: 'AE',
    region: 'EMEA',
    label: 'Middle East',
    legalForm: 'LLC',
    tld: 'ae',
    currency: 'AED',
    cities: [c('Dubai', 'AE', 25.2048, 55.2708)],
  },
  {
    code: 'ZA',
    region: 'EMEA',
    label: 'South Africa',
    legalForm: '(Pty) Ltd',
    tld: 'co.za',
    currency: 'ZAR',
    cities: [c('Johannesburg', 'ZA', -26.2041, 28.0473), c('Cape Town', 'ZA', -33.9249, 18.4241)],
  },
  // NA
  {
    code: 'US',
    region: 'NA',
    label: 'USA',
    legalForm: 'Inc.',
    tld: 'com',
    currency: 'USD',
    cities: [
      c('New York', 'US', 40.7128, -74.006),
      c('Chicago', 'US', 41.8781, -87.6298),
      c('Austin', 'US', 30.2672, -97.7431),
      c('San Francisco', 'US', 37.7749, -122.4194),
      c('Seattle', 'US', 47.6062, -122.3321),
      c('Atlanta', 'US', 33.749, -84.388),
      c('Boston', 'US', 42.3601, -71.0589),
      c('Denver', 'US', 39.7392, -104.9903),
    ],
  },
  {
    code: 'CA',
    region: 'NA',
    label: 'Canada',
    legalForm: 'Ltd.',
    tld: 'ca',
    currency: 'CAD',
    cities: [
      c('Toronto', 'CA', 43.6532, -79.3832),
      c('Vancouver', 'CA', 49.2827, -123.1207),
      c('Montreal', 'CA', 45.5017, -73.5673),
    ],
  },
  // APAC
  {
    code: 'AU',
    region: 'APAC',
    label: 'Australia',
    legalForm: 'Pty Ltd',
    tld: 'com.au',
    currency: 'AUD',
    cities: [c('Sydney', 'AU', -33.8688, 151.2093), c('Melbourne', 'AU', -37.8136, 144.9631)],
  },
  {
    code: 'SG',
    region: 'APAC',
    label: 'Singapore',
    legalForm: 'Pte. Ltd.',
    tld: 'sg',
    currency: 'SGD',
    cities: [c('Singapore', 'SG', 1.3521, 103.8198)],
  },
  {
    code: 'JP',
    region: 'APAC',
    label: 'Japan',
    legalForm: 'K.K.',
    tld: 'co.jp',
    currency: 'JPY',
    cities: [c('Tokyo', 'JP', 35.6762, 139.6503), c('Osaka', 'JP', 34.6937, 135.5023)],
  },
  {
    code: 'KR',
    region: 'APAC',
    label: 'Korea',
    legalForm: 'Co., Ltd.',
    tld: 'co.kr',
    currency: 'KRW',
    cities: [c('Seoul', 'KR', 37.5665, 126.978)],
  },
  {
    code: 'IN',
    region: 'APAC',
    label: 'India',
    legalForm: 'Pvt. Ltd.',
    tld: 'in',
    currency: 'INR',
    cities: [c('Mumbai', 'IN', 19.076, 72.8777), c('Bengaluru', 'IN', 12.9716, 77.5946)],
  },
  {
    code: 'NZ',
    region: 'APAC',
    label: 'New Zealand',
    legalForm: 'Ltd',
    tld: 'co.nz',
    currency: 'NZD',
    cities: [c('Auckland', 'NZ', -36.8485, 174.7633)],
  },
  {
    code: 'HK',
    region: 'APAC',
    label: 'Hong Kong',
    legalForm: 'Limited',
    tld: 'com.hk',
    currency: 'HKD',
    cities: [c('Hong Kong', 'HK', 22.3193, 114.1694)],
  },
  {
    code: 'MY',
    region: 'APAC',
    label: 'Malaysia',
    legalForm: 'Sdn. Bhd.',
    tld: 'com.my',
    currency: 'MYR',
    cities: [c('Kuala Lumpur', 'MY', 3.139, 101.6869)],
  },
  // LATAM
  {
    code: 'BR',
    region: 'LATAM',
    label: 'Brasil',
    legalForm: 'Ltda.',
    tld: 'com.br',
    currency: 'BRL',
    cities: [
      c('São Paulo', 'BR', -23.5505, -46.6333),
      c('Rio de Janeiro', 'BR', -22.9068, -43.1729),
    ],
  },
  {
    code: 'MX',
    region: 'LATAM',
    label: 'México',
    legalForm: 'S.A. de C.V.',
    tld: 'com.mx',
    currency: 'MXN',
    cities: [c('Mexico City', 'MX', 19.4326, -99.1332), c('Monterrey', 'MX', 25.6866, -100.3161)],
  },
  {
    code: 'AR',
    region: 'LATAM',
    label: 'Argentina',
    legalForm: 'S.A.',
    tld: 'com.ar',
    currency: 'ARS',
    cities: [c('Buenos Aires', 'AR', -34.6037, -58.3816)],
  },
  {
    code: 'CL',
    region: 'LATAM',
    label: 'Chile',
    legalForm: 'SpA',
    tld: 'cl',
    currency: 'CLP',
    cities: [c('Santiago', 'CL', -33.4489, -70.6693)],
  },
  {
    code: 'CO',
    region: 'LATAM',
    label: 'Colombia',
    legalForm: 'S.A.S.',
    tld: 'com.co',
    currency: 'COP',
    cities: [c('Bogotá', 'CO', 4.711, -74.0721), c('Medellín', 'CO', 6.2442, -75.5812)],
  },
  {
    code: 'PE',
    region: 'LATAM',
    label: 'Perú',
    legalForm: 'S.A.C.',
    tld: 'com.pe',
    currency: 'PEN',
    cities: [c('Lima', 'PE', -12.0464, -77.0428)],
  },
];

const BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));

export const country = (code: string): Country => {
  const found = BY_CODE.get(code);
  if (!found) throw new RangeError(`No demo country ${code}`);
  return found;
};

export const countriesOf = (region: DemoRegion) =>
  COUNTRIES.filter((candidate) => candidate.region === region);

/** Deal values are kept in the big currencies so totals on a board stay comparable. */
export const DEAL_CURRENCY: Readonly<Record<DemoRegion, string>> = {
  EMEA: 'EUR',
  NA: 'USD',
  APAC: 'USD',
  LATAM: 'USD',
};
