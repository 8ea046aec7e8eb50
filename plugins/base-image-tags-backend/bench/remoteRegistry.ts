import { fork } from 'node:child_process';
import path from 'node:path';
import { RequestRecord } from './fakeRegistryProcess';

/**
 * The fake registry running in a child process.
 *
 * @internal
 */
export interface RemoteRegistry {
  host: string;
  requests(): Promise<RequestRecord[]>;
  stop(): Promise<void>;
}

/**
 * Forks the fake registry process and waits until it listens.
 *
 * @internal
 */
export async function startRemoteRegistry(): Promise<RemoteRegistry> {
  const child = fork(path.join(__dirname, 'fakeRegistryProcess.ts'), {
    execArgv: [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    ],
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: any) => {
        if (message?.type === type) {
          child.off('message', onMessage);
          resolve(message as T);
        }
      };
      child.on('message', onMessage);
      child.once('exit', code =>
        reject(new Error(`fake registry exited with ${code}`)),
      );
    });
  const { host } = await next<{ host: string }>('ready');
  return {
    host,
    requests: async () => {
      const answer = next<{ requests: RequestRecord[] }>('requests');
      child.send({ type: 'requests' });
      return (await answer).requests;
    },
    stop: async () => {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
