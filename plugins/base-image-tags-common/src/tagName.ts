// The OCI distribution spec's tag grammar.
const TAG_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

// Signatures, attestations and SBOMs that cosign and OCI referrers store as
// tags named after the digest they describe; the bare form is the OCI 1.1
// referrers fallback tag.
const ARTIFACT_TAG =
  /^(?:sha256-[0-9a-f]{64}|sha512-[0-9a-f]{128})(?:\.(?:sig|att|sbom))?$/;

/**
 * Whether a listed name is a tag under the OCI tag grammar
 * `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`; some registries also list raw
 * digests, which are not.
 *
 * @public
 */
export function isTagName(name: string): boolean {
  return TAG_NAME.test(name);
}

/**
 * Whether a tag holds a signature, attestation or SBOM of another image
 * (`sha256-<64 hex>.sig`, `.att`, `.sbom`, or the bare referrers tag)
 * rather than an image.
 *
 * @public
 */
export function isArtifactTag(tag: string): boolean {
  return ARTIFACT_TAG.test(tag);
}
