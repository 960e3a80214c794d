// The profile menu: every loaded profile (derivation "constraint"), grouped by the IG its canonical
// URL belongs to, so a person can validate against any of them.
import type { ProfileSummary } from '@pdex/core';

/** "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient" -> "hl7.org/fhir/us/core". */
function guideOf(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/StructureDefinition\/.*$/, '');
}

export function fillProfileMenu(select: HTMLSelectElement, profiles: ProfileSummary[]): number {
  const constraints = profiles
    .filter((profile) => profile.derivation === 'constraint' && profile.kind === 'resource')
    .sort((a, b) => a.url.localeCompare(b.url));
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const profile of constraints) {
    const guide = guideOf(profile.url);
    let group = groups.get(guide);
    if (!group) {
      group = document.createElement('optgroup');
      group.label = guide;
      groups.set(guide, group);
      select.append(group);
    }
    const label = `${profile.title ?? profile.name ?? profile.url} (${profile.type}${profile.version ? `, ${profile.version}` : ''})`;
    group.append(new Option(label, profile.url));
  }
  return constraints.length;
}
