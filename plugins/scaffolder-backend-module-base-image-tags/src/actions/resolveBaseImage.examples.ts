import { TemplateExample } from '@backstage/plugin-scaffolder-node';

/**
 * Examples shown with the action on the scaffolder's actions page.
 *
 * @internal
 */
export const resolveBaseImageExamples: TemplateExample[] = [
  {
    description:
      'Resolve the newest stored tag of a declared pattern, for a FROM line',
    example: `steps:
  - id: base-image
    name: Resolve the base image
    action: base-image-tags:resolve
    input:
      pattern: registry.access.redhat.com/ubi9/ubi-minimal:9.*
`,
  },
  {
    description:
      'List the registry now, leave out source images, take the tag before the newest',
    example: `steps:
  - id: base-image
    name: Resolve the base image
    action: base-image-tags:resolve
    input:
      pattern: registry.access.redhat.com/ubi8/ubi:8.10-* !*-source
      index: 1
      live: true
`,
  },
];
