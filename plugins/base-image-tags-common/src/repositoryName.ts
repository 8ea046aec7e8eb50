/**
 * A repository name split and normalised the way Docker does it.
 *
 * @internal
 */
export interface RepositoryName {
  /** Lower-cased host, port kept; `docker.io` for Docker Hub. */
  registry: string;
  /** Path inside the registry, e.g. `library/alpine`. */
  repository: string;
}

/**
 * Why a repository name was refused; the caller adds which pattern it
 * belongs to.
 *
 * @internal
 */
export class RepositoryNameProblem extends Error {}

const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['index.docker.io', 'registry-1.docker.io']);
const HOST =
  /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::([0-9]{1,5}))?$/;
const MAX_PORT = 65535;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
// Docker's limit on a whole name.
const MAX_NAME_LENGTH = 255;

// The host in its canonical form: lower case, an IPv6 address as the URL
// standard writes it (`[0:0::1]` is `[::1]`), the port kept as written.
function parseRegistryHost(component: string): string {
  const refuse = (problem: string) =>
    new RepositoryNameProblem(
      `"${component}" is not a registry host${problem}; write a host name ` +
        'with an optional port, e.g. "registry.example.com:5000"',
    );
  const match = HOST.exec(component);
  if (!match) throw refuse('');
  let host = match[1].toLowerCase();
  if (host.startsWith('[')) {
    try {
      host = new URL(`http://${host}`).hostname;
    } catch {
      throw refuse(` (${host} is not an IPv6 address)`);
    }
  }
  const port = match[2];
  if (port === undefined) return host;
  if (Number(port) < 1 || Number(port) > MAX_PORT) {
    throw refuse(` (port ${port} is not between 1 and ${MAX_PORT})`);
  }
  return `${host}:${port}`;
}

function isRegistryComponent(component: string): boolean {
  return (
    component.includes('.') ||
    component.includes(':') ||
    component === 'localhost'
  );
}

/**
 * Splits `[registry[:port]/]path` into registry and path: the first
 * component is a registry when it holds `.` or `:` or is `localhost`;
 * otherwise the registry is Docker Hub, where one-component names get
 * `library/`.
 *
 * @internal
 */
export function parseRepositoryName(name: string): RepositoryName {
  if (name === '') {
    throw new RepositoryNameProblem('the repository name is missing');
  }
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  let registry = DOCKER_HUB;
  let path = name;
  if (slash >= 0 && isRegistryComponent(first)) {
    registry = parseRegistryHost(first);
    if (DOCKER_HUB_ALIASES.has(registry)) registry = DOCKER_HUB;
    path = name.slice(slash + 1);
  }
  if (path === '') {
    throw new RepositoryNameProblem(
      `the repository name is missing after "${first}/"`,
    );
  }
  if (registry === DOCKER_HUB && !path.includes('/')) {
    path = `library/${path}`;
  }

  for (const component of path.split('/')) {
    if (PATH_COMPONENT.test(component)) continue;
    if (PATH_COMPONENT.test(component.toLowerCase())) {
      throw new RepositoryNameProblem(
        `repository names are lower case; write "${component.toLowerCase()}"`,
      );
    }
    throw new RepositoryNameProblem(
      `"${path}" is not a repository name; each "/"-separated part is ` +
        'lower-case letters and digits, joined by ".", "_", "__" or "-", ' +
        'e.g. "ubi8/ubi"',
    );
  }
  if (registry.length + 1 + path.length > MAX_NAME_LENGTH) {
    throw new RepositoryNameProblem(
      `the repository name is longer than ${MAX_NAME_LENGTH} characters`,
    );
  }
  return { registry, repository: path };
}
