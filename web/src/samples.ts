// Example inputs offered on the validator page, each showing one kind of result.
export const samples: Record<string, string> = {
  'Valid Patient': JSON.stringify(
    {
      resourceType: 'Patient',
      id: 'pdex-member-1',
      identifier: [{ system: 'http://example.org/payer/member-id', value: 'M-1001' }],
      name: [{ family: 'Shaw', given: ['Amy', 'V.'] }],
      gender: 'female',
      birthDate: '1987-02-20',
    },
    null,
    2,
  ),
  'Malformed JSON': '{\n  "resourceType": "Coverage",\n  "status": "active",\n  "beneficiary": {"reference": "Patient/1"\n}',
  'Not a resource': '{\n  "id": "no-resource-type"\n}',
};
