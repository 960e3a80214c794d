// The invented people of the sandbox (no real or copied data). Each is a member of Payer A (the old plan);
// some have moved to Payer B (the new plan); all are patients of the EHR under the EHR's own ids.
// Demo accounts (sandbox/README.md) come from here.

export const DEMO_PASSWORD = 'pdex-demo';

export interface Person {
  key: string;
  given: string[];
  family: string;
  gender: 'female' | 'male';
  birthDate: string;
  city: string;
  postalCode: string;
  line: string;
  username: string;
  /** Ids at each system: a person has other ids at each one. */
  ids: { payerA: string; ehr: string; payerB?: string };
  memberIds: { payerA: string; payerB?: string };
  /** Clinical themes of the generated history (payer-side data, partly charted at the EHR). */
  conditions: ConditionTheme[];
}

export type ConditionTheme = 'diabetes' | 'hypertension' | 'depression' | 'opioid-use' | 'hiv' | 'asthma';

export const PEOPLE: Person[] = [
  {
    key: 'alice', given: ['Alice', 'May'], family: 'Nguyen', gender: 'female', birthDate: '1978-03-14',
    line: '12 Orchard Lane', city: 'Springfield', postalCode: '62704', username: 'alice.nguyen',
    ids: { payerA: 'pa-m1001', ehr: 'ehr-40017', payerB: 'pb-m7001' }, memberIds: { payerA: 'LHP-1001-01', payerB: 'SHP-7001-01' },
    conditions: ['diabetes', 'hypertension', 'depression'],
  },
  {
    key: 'robert', given: ['Robert'], family: 'Okafor', gender: 'male', birthDate: '1965-11-02',
    line: '400 Mill Road', city: 'Springfield', postalCode: '62702', username: 'robert.okafor',
    ids: { payerA: 'pa-m1002', ehr: 'ehr-40023' }, memberIds: { payerA: 'LHP-1002-01' },
    conditions: ['hypertension', 'opioid-use'],
  },
  {
    key: 'carmen', given: ['Carmen', 'Luz'], family: 'Diaz', gender: 'female', birthDate: '1990-07-22',
    line: '9 Harbor View', city: 'Riverton', postalCode: '62561', username: 'carmen.diaz',
    ids: { payerA: 'pa-m1003', ehr: 'ehr-40031' }, memberIds: { payerA: 'LHP-1003-01' },
    conditions: ['asthma', 'hiv'],
  },
  {
    key: 'david', given: ['David', 'Lee'], family: 'Smith', gender: 'male', birthDate: '1952-01-30',
    line: '77 Prairie Street', city: 'Riverton', postalCode: '62561', username: 'david.smith',
    ids: { payerA: 'pa-m1004', ehr: 'ehr-40042', payerB: 'pb-m7002' }, memberIds: { payerA: 'LHP-1004-01', payerB: 'SHP-7002-01' },
    conditions: ['diabetes'],
  },
];

export const CLINICIAN = {
  username: 'dr.rivera',
  practitionerId: 'ehr-pr-301',
  given: ['Elena'],
  family: 'Rivera',
  npi: '1999999984',
};

export const ORGS = {
  payerA: { id: 'org-lakeside', name: 'Lakeside Health Plan', payerId: 'LHP01' },
  payerB: { id: 'org-summit', name: 'Summit Health Plan', payerId: 'SHP01' },
  clinic: { id: 'org-riverbend', name: 'Riverbend Family Medicine', npi: '1234567893' },
  lab: { id: 'org-prairie-lab', name: 'Prairie Clinical Laboratory', npi: '1518920001' },
};
