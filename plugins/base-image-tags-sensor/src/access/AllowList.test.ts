import { parseRegistryPath } from '@base-image-tags/plugin-base-image-tags-node';
import { AllowList } from './AllowList';

// Matching one path (prefix boundaries, ports, case) is tested with
// isUnderRegistryPath in the node package; these test the list.
describe('AllowList', () => {
  const allow = new AllowList(
    ['registry.internal/team', 'mirror.internal:5000', 'quay.io/org/sub/'].map(
      parseRegistryPath,
    ),
  );

  it('allows a repository under any one of its paths', () => {
    expect(allow.allows('registry.internal', 'team/base')).toBe(true);
    expect(allow.allows('mirror.internal:5000', 'anything/at/all')).toBe(true);
    expect(allow.allows('quay.io', 'org/sub/image')).toBe(true);
  });

  it('refuses what lies under none of them', () => {
    expect(allow.allows('registry.internal', 'teamx')).toBe(false);
    expect(allow.allows('mirror.internal:5001', 'a')).toBe(false);
    expect(allow.allows('quay.io', 'org/subx')).toBe(false);
    expect(allow.allows('evil.example.com', 'team/base')).toBe(false);
  });

  it('refuses everything when empty', () => {
    expect(new AllowList([]).allows('registry.internal', 'team')).toBe(false);
  });

  it('describes its paths as written, without trailing slashes', () => {
    expect(allow.describe()).toEqual([
      'registry.internal/team',
      'mirror.internal:5000',
      'quay.io/org/sub',
    ]);
  });
});
